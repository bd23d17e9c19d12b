#include "ballot_context.hpp"

#include <algorithm>

namespace civic::vote::detail {

SignedMessage signed_message(const Bytes32& tracking_code, Choice choice) {
  SignedMessage message;
  std::copy(kSignatureTag.begin(), kSignatureTag.end(), message.begin());
  std::copy(tracking_code.begin(), tracking_code.end(), message.begin() + kSignatureTag.size());
  message.back() = static_cast<std::uint8_t>(choice);
  return message;
}

Result<Unit> check_meta(std::string_view device, std::string_view time) {
  const auto too_long = [](const char* field, std::size_t max) {
    return Error{"vote.ballot.meta",
                 std::string("/") + field,
                 {"Полето е твърде дълго", "The field is too long"},
                 {{"field", field}, {"max_bytes", max}}};
  };
  if (device.size() > kMaxDeviceBytes) return too_long("device", kMaxDeviceBytes);
  if (time.size() > kMaxTimeBytes) return too_long("time", kMaxTimeBytes);
  return Unit{};
}

Transcript option_proof_context(const Election& election, const Ballot& ballot,
                                std::uint32_t contest, std::uint32_t option) {
  Transcript transcript("civic/vote/v1/option-proof");
  transcript.bytes(election.manifest.base_hash).point(election.joint_key);
  transcript.bytes(ballot.id).bytes(ballot.credential).u32(contest).u32(option);
  return transcript;
}

Transcript selection_proof_context(const Election& election, const Ballot& ballot,
                                   std::uint32_t contest) {
  Transcript transcript("civic/vote/v1/selection-proof");
  transcript.bytes(election.manifest.base_hash).point(election.joint_key);
  transcript.bytes(ballot.id).bytes(ballot.credential).u32(contest);
  return transcript;
}

Scalar encryption_nonce(const Bytes32& master, std::uint32_t contest, std::uint32_t option) {
  return Transcript("civic/vote/v1/encryption-nonce")
      .bytes(master)
      .u32(contest)
      .u32(option)
      .challenge();
}

Bytes32 proof_seed(const Bytes32& master, std::uint32_t contest, std::uint32_t position) {
  return Transcript("civic/vote/v1/proof-seed").bytes(master).u32(contest).u32(position).digest();
}

BallotId ballot_id(const Bytes32& master) {
  const Bytes32 digest = Transcript("civic/vote/v1/ballot-id").bytes(master).digest();
  BallotId id;
  std::copy_n(digest.begin(), id.size(), id.begin());
  return id;
}

}  // namespace civic::vote::detail
