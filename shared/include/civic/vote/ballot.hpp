// civic/vote/ballot.hpp — encrypted ballots: encryption, sealing, verification, spoiling.
//
// A ballot holds, per contest, one ciphertext per option with a proof that it encrypts
// 0 or 1, and a proof that the number of selections lies in [min, max] (omitted when
// the contest allows 0..#options). Proof challenges bind the base hash, the joint key,
// the ballot id, the voter's credential and the position (contest, option), so a proof
// cannot be moved to another election, ballot, voter or position.
//
// Sealing computes the tracking code (a hash over the whole encrypted ballot, the
// previous code of its device's chain and the previous code of its voter's chain, with
// the voter's sequence number) and signs it, together with the voter's choice — cast or
// spoil — with the voter's Ed25519 credential. A ballot is then either cast (its nonces
// are never revealed) or spoiled (Benaloh challenge: its master nonce is published and
// anyone can recompute the ciphertexts and read the choices). Because the voter signs
// the choice, the sequence and the link to their previous ballot, the board cannot
// relabel, reorder or drop a voter's ballots without the verifier (or the voter's
// receipt) showing it.
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
  // joint_key's precomputed table, made once with the Election: every encryption and
  // every proof of every ballot multiplies the joint key.
  FixedBase key_table{joint_key};
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

// What the voter decided after seeing the tracking code; signed with the code.
enum class Choice : std::uint8_t { cast = 0, spoil = 1 };
const char* to_string(Choice choice);

inline constexpr std::size_t kMaxDeviceBytes = 128;
inline constexpr std::size_t kMaxTimeBytes = 64;

struct Ballot {
  Bytes32 election{};  // the manifest's base hash
  BallotId id{};
  Bytes32 credential{};        // the voter's Ed25519 public key
  std::uint32_t sequence = 0;  // how many ballots this credential submitted before this one
  Bytes32 voter_previous{};    // tracking code of the credential's previous ballot, or
                               // voter_chain_start()
  std::string device;          // the encrypting device (≤ kMaxDeviceBytes)
  std::string time;            // when it was encrypted, as the device says (≤ kMaxTimeBytes)
  Bytes32 previous{};          // tracking code of the device's previous ballot, or chain_start()
  std::vector<EncryptedContest> contests;
  Bytes32 tracking_code{};
  Choice choice = Choice::cast;  // signed with the tracking code, not hashed into it
  Signature signature{};
  friend bool operator==(const Ballot&, const Ballot&) = default;
};

// The first `previous` of a device's chain: H32("civic/vote/v1/chain-start", base, device).
Bytes32 chain_start(const Bytes32& base_hash, std::string_view device);
// The first `voter_previous` of a credential's chain:
// H32("civic/vote/v2/voter-chain-start", base, credential).
Bytes32 voter_chain_start(const Bytes32& base_hash, const Bytes32& credential);

struct BallotMeta {
  std::string device;
  std::string time;
  std::optional<Bytes32> previous;        // default: chain_start(base hash, device)
  std::uint32_t sequence = 0;             // the voter's ballots on the board so far
  std::optional<Bytes32> voter_previous;  // default: voter_chain_start(base hash, credential)
};

// The one secret of a ballot: every nonce derives from it. Reveal it only to spoil.
struct BallotSecret {
  Bytes32 master_nonce{};
};

struct EncryptedBallot {
  Ballot ballot;
  BallotSecret secret;
};

// Draws 32 bytes from rng (the master nonce) and nothing else. The ballot is sealed for
// Choice::cast; to spoil it instead, seal it again with Choice::spoil.
// Errors: vote.selections.count, vote.ballot.meta (device/time too long).
Result<EncryptedBallot> encrypt_ballot(const Election& election, const Selections& selections,
                                       const VoterCredential& credential, const BallotMeta& meta,
                                       Rng& rng);

// The tracking code the ballot's fields hash to (fields tracking_code, choice and
// signature excluded).
Bytes32 compute_tracking_code(const Ballot& ballot);
// Sets tracking_code and choice, and signs both with the credential (whose public key
// must be ballot.credential).
void seal_ballot(Ballot& ballot, const VoterCredential& credential, Choice choice);

// Everything a single ballot must satisfy, in this order (first failure returned):
//   vote.ballot.wrong_election  election != base hash
//   vote.ballot.meta            device longer than 128 bytes or time longer than 64
//   vote.ballot.structure       contests/options/proofs do not match the manifest
//   vote.ballot.tracking_code   tracking_code is not the hash of the ballot
//   vote.ballot.signature       the credential's signature over code and choice fails
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
