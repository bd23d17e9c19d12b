// civic/vote/ballot.hpp — encrypted ballots: encryption, sealing, verification, spoiling.
//
// A ballot holds, per contest, one ciphertext per option with a proof that it encrypts
// 0 or 1, and a proof that the number of selections lies in [min, max] (omitted when
// the contest allows 0..#options). Proof challenges bind the base hash, the joint key,
// the ballot id, the voter's credential and the position (contest, option), so a proof
// cannot be moved to another election, ballot, voter or position.
//
// Sealing computes the tracking code (a hash over the whole encrypted ballot and the
// previous code of its device's chain) and signs it with the voter's Ed25519
// credential. A ballot is then either cast (its nonces are never revealed) or spoiled
// (Benaloh challenge: its master nonce is published and anyone can recompute the
// ciphertexts and read the choices).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "civic/result.hpp"
#include "civic/rng.hpp"
#include "civic/vote/manifest.hpp"
#include "civic/vote/proofs.hpp"

namespace civic::vote {

// What every ballot is encrypted for: the frozen manifest and the trustees' joint key.
struct Election {
  Manifest manifest;
  Point joint_key;
};

using BallotId = std::array<std::uint8_t, 16>;
using Signature = std::array<std::uint8_t, 64>;

// A voter credential: an Ed25519 key pair derived from a 32-byte seed
// (crypto_sign_seed_keypair). Only public_key is ever published.
struct VoterCredential {
  Bytes32 public_key{};
  std::array<std::uint8_t, 64> secret_key{};
};
VoterCredential credential_from_seed(std::span<const std::uint8_t, 32> seed);

// Per contest, per option: 1 if selected, else 0 (manifest order).
using Selections = std::vector<std::vector<std::uint8_t>>;

// {"<contest id>": ["<option id>", ...], ...}; a missing contest selects nothing.
// Errors: vote.selections.* (unknown contest/option, duplicate, count outside
// [min, max], shape).
Result<Selections> parse_selections(const Manifest& manifest, const Json& json);
Json selections_to_json(const Manifest& manifest, const Selections& selections);
// The same checks on a Selections value (one 0/1 entry per option, counts in range).
Result<Unit> check_selections(const Manifest& manifest, const Selections& selections);

struct EncryptedOption {
  Ciphertext ciphertext;
  RangeProof proof;  // values 0..1
  friend bool operator==(const EncryptedOption&, const EncryptedOption&) = default;
};

struct EncryptedContest {
  std::vector<EncryptedOption> options;
  std::optional<RangeProof> selection_proof;  // values min..max of the option sum
  friend bool operator==(const EncryptedContest&, const EncryptedContest&) = default;
};

struct Ballot {
  Bytes32 election{};  // the manifest's base hash
  BallotId id{};
  Bytes32 credential{};  // the voter's Ed25519 public key
  std::string device;    // the encrypting device (≤ 128 bytes)
  std::string time;      // when it was encrypted, as the device says (≤ 64 bytes)
  Bytes32 previous{};    // tracking code of the device's previous ballot, or chain_start()
  std::vector<EncryptedContest> contests;
  Bytes32 tracking_code{};
  Signature signature{};
  friend bool operator==(const Ballot&, const Ballot&) = default;
};

// The first `previous` of a device's chain: H32("civic/vote/v1/chain-start", base, device).
Bytes32 chain_start(const Bytes32& base_hash, std::string_view device);

struct BallotMeta {
  std::string device;
  std::string time;
  std::optional<Bytes32> previous;  // default: chain_start(base hash, device)
};

// The one secret of a ballot: every nonce derives from it. Reveal it only to spoil.
struct BallotSecret {
  Bytes32 master_nonce{};
};

struct EncryptedBallot {
  Ballot ballot;
  BallotSecret secret;
};

// Draws 32 bytes from rng (the master nonce) and nothing else.
// Errors: vote.selections.count, vote.ballot.meta (device/time too long).
Result<EncryptedBallot> encrypt_ballot(const Election& election, const Selections& selections,
                                       const VoterCredential& credential, const BallotMeta& meta,
                                       Rng& rng);

// The tracking code the ballot's fields hash to (fields tracking_code and signature
// excluded).
Bytes32 compute_tracking_code(const Ballot& ballot);
// Sets tracking_code and signs it with the credential (whose public key must be
// ballot.credential).
void seal_ballot(Ballot& ballot, const VoterCredential& credential);

// Everything a single ballot must satisfy, in this order (first failure returned):
//   vote.ballot.wrong_election  election != base hash
//   vote.ballot.structure       contests/options/proofs do not match the manifest
//   vote.ballot.tracking_code   tracking_code is not the hash of the ballot
//   vote.ballot.signature       the credential's signature over the code fails
//   vote.ballot.option_proof    a 0/1 proof fails (path /contests/C/options/O)
//   vote.ballot.selection_proof a selection-count proof fails (path /contests/C)
Result<Unit> verify_ballot(const Election& election, const Ballot& ballot);

// Benaloh challenge: the opening that lets anyone decrypt a spoiled ballot.
struct Opening {
  Bytes32 master_nonce{};
  Selections selections;
};

// Reads the choices back with the ballot's secret. Error vote.spoil.mismatch when the
// secret does not open this ballot.
Result<Opening> open_ballot(const Election& election, const Ballot& ballot,
                            const BallotSecret& secret);
// Recomputes every ciphertext from the opening (checking every choice is 0 or 1 and
// the counts lie in [min, max]). Errors: vote.spoil.mismatch, vote.selections.count.
Result<Unit> verify_opening(const Election& election, const Ballot& ballot, const Opening& opening);

}  // namespace civic::vote
