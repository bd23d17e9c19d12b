// civic/vote/ceremony.hpp — the k-of-n trustee key ceremony (Feldman VSS).
//
// Trustee i (1..n) draws a polynomial f_i of degree k-1 and publishes commitments
// C_ij = g^(a_ij) to its coefficients, each with a Schnorr proof of knowledge bound to
// the base hash, i and j. Trustee l receives f_i(l) from every trustee i and checks it
// against the commitments (verify_share); its secret share is s_l = sum_i f_i(l). The
// joint key is K = prod_i C_i0 = g^s with s = sum_i f_i(0), a secret no one ever holds.
// Any k trustees decrypt together (tally.hpp); the others' absence is compensated by
// Lagrange interpolation at 0.
#pragma once

#include <cstdint>
#include <vector>

#include "civic/result.hpp"
#include "civic/rng.hpp"
#include "civic/vote/proofs.hpp"

namespace civic::vote {

inline constexpr std::uint32_t kMaxTrustees = 64;

// What trustee `index` publishes.
struct TrusteeKey {
  std::uint32_t index = 0;         // 1..n
  std::vector<Point> commitments;  // C_i0..C_i(k-1)
  std::vector<Proof> proofs;       // one per commitment
};

struct Ceremony {
  std::uint32_t threshold = 0;       // k
  std::vector<TrusteeKey> trustees;  // n, in index order 1..n
  Point joint_key;
};

// What trustee `index` keeps (never published, never logged).
struct TrusteeSecret {
  std::uint32_t index = 0;
  Scalar share;  // s_l
};

struct LocalCeremony {
  Ceremony ceremony;
  std::vector<TrusteeSecret> secrets;
};

// Runs all n trustees in one process (every share is checked with verify_share).
// Errors: vote.ceremony.parameters unless 1 <= threshold <= trustees <= 64.
Result<LocalCeremony> run_local_ceremony(const Bytes32& base_hash, std::uint32_t threshold,
                                         std::uint32_t trustees, Rng& rng);

// Feldman's check: g^share == prod_j C_ij^(recipient^j).
bool verify_share(const TrusteeKey& dealer, std::uint32_t recipient, const Scalar& share);

// Checks the parameters, every commitment proof and the joint key. Errors:
// vote.ceremony.parameters, vote.ceremony.commitment_proof (path
// /trustees/I/proofs/J), vote.ceremony.joint_key.
Result<Unit> verify_ceremony(const Bytes32& base_hash, const Ceremony& ceremony);

// g^(s_l), computed from public commitments: prod_i prod_j C_ij^(l^j).
Point trustee_public_share(const Ceremony& ceremony, std::uint32_t index);

}  // namespace civic::vote
