// The vote module's JSON API functions (docs/vote-spec.md §10), internal to the api module.
#pragma once

#include "request.hpp"

namespace civic::api {

// vote.manifest_hash {manifest} → {"base_hash"}
Json vote_manifest_hash_handler(const Request& request);
// vote.credential {seed} → {"credential"}: the Ed25519 public key of a credential seed.
Json vote_credential_handler(const Request& request);
// vote.encrypt {manifest, joint_key, selections, seed, credential_seed, device, time,
//               previous?} → {"ballot", "tracking_code"}
Json vote_encrypt_handler(const Request& request);
// vote.spoil {manifest, joint_key, ballot, seed} → {"status":"spoiled", "ballot", "opening"}
Json vote_spoil_handler(const Request& request);
// vote.verify_ballot {manifest, joint_key, ballot} → {"valid", "tracking_code", "error"}
Json vote_verify_ballot_handler(const Request& request);
// vote.verify_spoiled {manifest, joint_key, ballot, opening} →
//   {"valid", "selections", "error"}
Json vote_verify_spoiled_handler(const Request& request);

}  // namespace civic::api
