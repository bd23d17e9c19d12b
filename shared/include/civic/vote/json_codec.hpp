// civic/vote/json_codec.hpp — the JSON form of every vote artefact (docs/vote-spec.md §8).
//
// Bytes are lowercase hex; points and scalars 64 hex digits. Readers accept exactly
// the documented keys, decode every point canonically (refusing the identity except
// in tallies and decryption shares) and refuse unreduced scalars. Errors carry a
// JSON-pointer path into the artefact: vote.<artefact>.shape / missing_field /
// unknown_field / bad_hex, vote.bad_point, vote.bad_scalar.
#pragma once

#include <vector>

#include "civic/vote/ballot.hpp"
#include "civic/vote/ceremony.hpp"
#include "civic/vote/tally.hpp"

namespace civic::vote {

Json ballot_to_json(const Ballot& ballot);
Result<Ballot> ballot_from_json(const Json& json);

// {"master_nonce", "selections": {contest: [option ids]}}
Json opening_to_json(const Manifest& manifest, const Opening& opening);
Result<Opening> opening_from_json(const Manifest& manifest, const Json& json);

// {"election", "threshold", "trustees": [{"index", "commitments", "proofs"}], "joint_key"}
Json ceremony_to_json(const Bytes32& base_hash, const Ceremony& ceremony);
Result<Ceremony> ceremony_from_json(const Json& json);
Result<Bytes32> election_of(const Json& artefact);  // the "election" field of any record

// {"election", "trustee", "share"} — a trustee's secret, for the trustee's eyes only.
Json trustee_secret_to_json(const Bytes32& base_hash, const TrusteeSecret& secret);
Result<TrusteeSecret> trustee_secret_from_json(const Json& json);

// {"election", "credentials": [Ed25519 public keys]}
Json credentials_to_json(const Bytes32& base_hash, const std::vector<Bytes32>& credentials);
Result<std::vector<Bytes32>> credentials_from_json(const Json& json);

// {"election", "ballots", "contests": [[{"alpha", "beta"}]]}
Json tally_to_json(const Bytes32& base_hash, const EncryptedTally& tally);
Result<EncryptedTally> tally_from_json(const Json& json);

// {"election", "partial_decryptions": [{"trustee", "contests": [[{"share", "challenge",
//  "response"}]]}], "counts": [{"contest", "options": [{"option", "votes"}]}]}
struct DecryptionRecord {
  std::vector<PartialDecryption> partials;
  Counts counts;
};
Json decryption_to_json(const Manifest& manifest, const DecryptionRecord& record);

// One trustee's partial decryption on its own (what a trustee uploads):
// {"election", "trustee", "contests": [[{"share", "challenge", "response"}]]}
Json partial_decryption_to_json(const Bytes32& base_hash, const PartialDecryption& partial);
Result<PartialDecryption> partial_decryption_from_json(const Json& json);
Result<DecryptionRecord> decryption_from_json(const Manifest& manifest, const Json& json);

}  // namespace civic::vote
