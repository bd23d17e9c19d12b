// civic/vote/proofs.hpp — exponential ElGamal and its zero-knowledge proofs.
//
// Encryption of a small integer m under the joint key K with nonce r:
//   (alpha, beta) = (g^r, K^(r+m))
// (m sits in the exponent of K, not of g, which saves one multiplication per
// encryption; a product of ciphertexts encrypts the sum, decrypted via K^m.)
//
// Every proof is non-interactive (Fiat-Shamir). The caller passes a Transcript that
// already holds the domain tag and the context (base hash, joint key, ballot,
// position...); the proof appends its statement and commitments and takes the
// challenge from it (strong Fiat-Shamir). Proofs publish only challenges and
// responses; a verifier recomputes the commitments. docs/vote-spec.md §5 gives the
// exact equations and hash inputs.
#pragma once

#include <cstdint>
#include <vector>

#include "civic/vote/group.hpp"
#include "civic/vote/transcript.hpp"

namespace civic::vote {

struct Ciphertext {
  Point alpha;
  Point beta;
  friend bool operator==(const Ciphertext&, const Ciphertext&) = default;
};

// The joint key comes as a FixedBase: every encryption and proof multiplies it.
Ciphertext encrypt(const FixedBase& joint_key, std::uint32_t message, const Scalar& nonce);
// Componentwise product: encrypts the sum of the two messages.
Ciphertext operator+(const Ciphertext& a, const Ciphertext& b);

// A disjunctive Chaum-Pedersen proof that a ciphertext encrypts some m in [lo, hi]:
// one (challenge, response) pair per candidate value lo, lo+1, ..., hi.
struct RangeProof {
  std::vector<Scalar> challenges;
  std::vector<Scalar> responses;
  friend bool operator==(const RangeProof&, const RangeProof&) = default;
};

// The prover's nonces come from `nonce_seed` (secret, never reused): see nonce().
// Preconditions: lo <= message <= hi, ciphertext == encrypt(joint_key, message, nonce).
RangeProof prove_range(Transcript transcript, const FixedBase& joint_key,
                       const Ciphertext& ciphertext, std::uint32_t lo, std::uint32_t hi,
                       std::uint32_t message, const Scalar& nonce, const Bytes32& nonce_seed);
bool verify_range(Transcript transcript, const FixedBase& joint_key, const Ciphertext& ciphertext,
                  std::uint32_t lo, std::uint32_t hi, const RangeProof& proof);

// A Schnorr proof of knowledge of s with public_key = g^s, or a Chaum-Pedersen proof
// that log_g(public_key) = log_base(result).
struct Proof {
  Scalar challenge;
  Scalar response;
  friend bool operator==(const Proof&, const Proof&) = default;
};

Proof prove_knowledge(Transcript transcript, const Point& public_key, const Scalar& secret,
                      const Bytes32& nonce_seed);
bool verify_knowledge(Transcript transcript, const Point& public_key, const Proof& proof);

Proof prove_equal_logs(Transcript transcript, const Point& public_key, const Point& base,
                       const Point& result, const Scalar& secret, const Bytes32& nonce_seed);
bool verify_equal_logs(Transcript transcript, const Point& public_key, const Point& base,
                       const Point& result, const Proof& proof);

// The index-th prover nonce from a secret seed: H64("civic/vote/v1/proof-nonce", seed,
// u32 index) mod L.
Scalar nonce(const Bytes32& seed, std::uint32_t index);

}  // namespace civic::vote
