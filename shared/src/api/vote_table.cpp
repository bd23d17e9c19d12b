#include "address_handlers.hpp"
#include "dispatch.hpp"
#include "vote_handlers.hpp"

namespace civic::api {

HandlerTable vote_table() {
  static constexpr HandlerEntry kTable[] = {
      {"vote.manifest_hash", vote_manifest_hash_handler},
      {"vote.credential", vote_credential_handler},
      {"vote.encrypt", vote_encrypt_handler},
      {"vote.spoil", vote_spoil_handler},
      {"vote.verify_ballot", vote_verify_ballot_handler},
      {"vote.verify_spoiled", vote_verify_spoiled_handler},
      {"geo.inside", geo_inside_handler},  // the voter's location against the boundary
  };
  return kTable;
}

std::string call_vote(std::string_view function, std::string_view input_json) {
  return call_in({vote_table()}, function, input_json);
}

}  // namespace civic::api
