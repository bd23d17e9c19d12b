// What a ballot's proofs and nonces are bound to (internal; docs/vote-spec.md §6).
#pragma once

#include "civic/vote/ballot.hpp"

namespace civic::vote::detail {

inline constexpr std::string_view kSignatureTag = "civic/vote/v2/signature";
using SignedMessage = std::array<std::uint8_t, kSignatureTag.size() + 33>;
// What a credential signs: the ASCII tag, the 32-byte tracking code, the choice byte.
SignedMessage signed_message(const Bytes32& tracking_code, Choice choice);

// vote.ballot.meta when device or time is longer than the spec allows.
Result<Unit> check_meta(std::string_view device, std::string_view time);

inline constexpr std::uint32_t kContestPosition = 0xFFFFFFFF;

// Transcript prefix of the 0/1 proof of option `option` in contest `contest`.
Transcript option_proof_context(const Election& election, const Ballot& ballot,
                                std::uint32_t contest, std::uint32_t option);
// Transcript prefix of the selection-count proof of contest `contest`.
Transcript selection_proof_context(const Election& election, const Ballot& ballot,
                                   std::uint32_t contest);

// r = H64("civic/vote/v1/encryption-nonce", master, u32 contest, u32 option) mod L.
Scalar encryption_nonce(const Bytes32& master, std::uint32_t contest, std::uint32_t option);
// H32("civic/vote/v1/proof-seed", master, u32 contest, u32 option or kContestPosition).
Bytes32 proof_seed(const Bytes32& master, std::uint32_t contest, std::uint32_t position);
// The first 16 bytes of H32("civic/vote/v1/ballot-id", master).
BallotId ballot_id(const Bytes32& master);

}  // namespace civic::vote::detail
