// civickit-vote.wasm answers the vote.* functions of the JSON API and geo.inside (the voter's
// location); it is loaded only by pages that vote (load({ vote: true }) or loadVote() in
// js/index.mjs).
#include "boundary.hpp"
#include "civic/api.hpp"

std::string civic::wasm::call(std::string_view function, std::string_view input_json) {
  return civic::api::call_vote(function, input_json);
}
