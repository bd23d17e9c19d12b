// Embind bindings of civickit-vote.wasm: the vote.* functions of the JSON API and geo.inside
// (the voter's location), loaded only by pages that vote (load({ vote: true }) or loadVote()
// in js/index.mjs).
#include <emscripten/bind.h>

#include <string>

#include "civic/api.hpp"

namespace {

std::string call(const std::string& function, const std::string& input_json) {
  return civic::api::call_vote(function, input_json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(civickit_vote) { emscripten::function("call", &call); }
