#include <sodium.h>

#include "ballot_context.hpp"
#include "civic/vote/ballot.hpp"

namespace civic::vote {

namespace {

EncryptedContest encrypt_contest(const Election& election, const Ballot& ballot,
                                 std::uint32_t index, const std::vector<std::uint8_t>& choices,
                                 const Bytes32& master) {
  const Contest& contest = election.manifest.contests[index];
  const FixedBase& key = election.key_table;
  EncryptedContest out;
  out.options.reserve(choices.size());
  Scalar nonce_sum;
  std::uint32_t selected = 0;
  for (std::uint32_t option = 0; option < choices.size(); ++option) {
    const Scalar r = detail::encryption_nonce(master, index, option);
    const Ciphertext ciphertext = encrypt(key, choices[option], r);
    out.options.push_back(EncryptedOption{
        ciphertext,
        prove_range(detail::option_proof_context(election, ballot, index, option), key, ciphertext,
                    0, 1, choices[option], r, detail::proof_seed(master, index, option))});
    nonce_sum = nonce_sum + r;
    selected += choices[option];
  }
  if (contest.needs_selection_proof()) {
    // The sum of the option ciphertexts, computed from its nonce (2 multiplications
    // instead of 2·(options-1) additions).
    const Ciphertext sum = encrypt(key, selected, nonce_sum);
    out.selection_proof = prove_range(detail::selection_proof_context(election, ballot, index), key,
                                      sum, contest.min, contest.max, selected, nonce_sum,
                                      detail::proof_seed(master, index, detail::kContestPosition));
  }
  return out;
}

}  // namespace

VoterCredential credential_from_seed(std::span<const std::uint8_t, 32> seed) {
  VoterCredential credential;
  crypto_sign_seed_keypair(credential.public_key.data(), credential.secret_key.data(), seed.data());
  return credential;
}

const char* to_string(Choice choice) { return choice == Choice::spoil ? "spoil" : "cast"; }

Bytes32 chain_start(const Bytes32& base_hash, std::string_view device) {
  return Transcript("civic/vote/v1/chain-start").bytes(base_hash).text(device).digest();
}

Bytes32 voter_chain_start(const Bytes32& base_hash, const Bytes32& credential) {
  return Transcript("civic/vote/v2/voter-chain-start").bytes(base_hash).bytes(credential).digest();
}

Bytes32 compute_tracking_code(const Ballot& ballot) {
  Transcript transcript("civic/vote/v2/tracking-code");
  transcript.bytes(ballot.election).bytes(ballot.id).bytes(ballot.credential);
  transcript.u32(ballot.sequence).bytes(ballot.voter_previous);
  transcript.text(ballot.device).text(ballot.time).bytes(ballot.previous);
  transcript.u32(static_cast<std::uint32_t>(ballot.contests.size()));
  const auto add_proof = [&transcript](const RangeProof& proof) {
    transcript.u32(static_cast<std::uint32_t>(proof.challenges.size()));
    for (std::size_t i = 0; i < proof.challenges.size(); ++i) {
      transcript.scalar(proof.challenges[i]).scalar(proof.responses[i]);
    }
  };
  for (const EncryptedContest& contest : ballot.contests) {
    transcript.u32(static_cast<std::uint32_t>(contest.options.size()));
    for (const EncryptedOption& option : contest.options) {
      transcript.point(option.ciphertext.alpha).point(option.ciphertext.beta);
      add_proof(option.proof);
    }
    add_proof(contest.selection_proof.value_or(RangeProof{}));
  }
  return transcript.digest();
}

void seal_ballot(Ballot& ballot, const VoterCredential& credential, Choice choice) {
  ballot.tracking_code = compute_tracking_code(ballot);
  ballot.choice = choice;
  const auto message = detail::signed_message(ballot.tracking_code, choice);
  crypto_sign_detached(ballot.signature.data(), nullptr, message.data(), message.size(),
                       credential.secret_key.data());
}

Result<EncryptedBallot> encrypt_ballot(const Election& election, const Selections& selections,
                                       const VoterCredential& credential, const BallotMeta& meta,
                                       Rng& rng) {
  if (auto meta_checked = detail::check_meta(meta.device, meta.time); !meta_checked) {
    return std::move(meta_checked).error();
  }
  auto checked = check_selections(election.manifest, selections);
  if (!checked) return std::move(checked).error();

  EncryptedBallot out;
  rng.fill(out.secret.master_nonce);
  Ballot& ballot = out.ballot;
  ballot.election = election.manifest.base_hash;
  ballot.id = detail::ballot_id(out.secret.master_nonce);
  ballot.credential = credential.public_key;
  ballot.sequence = meta.sequence;
  ballot.voter_previous =
      meta.voter_previous.value_or(voter_chain_start(ballot.election, credential.public_key));
  ballot.device = meta.device;
  ballot.time = meta.time;
  ballot.previous = meta.previous.value_or(chain_start(ballot.election, meta.device));
  for (std::uint32_t c = 0; c < election.manifest.contests.size(); ++c) {
    ballot.contests.push_back(
        encrypt_contest(election, ballot, c, selections[c], out.secret.master_nonce));
  }
  seal_ballot(ballot, credential, Choice::cast);
  return out;
}

}  // namespace civic::vote
