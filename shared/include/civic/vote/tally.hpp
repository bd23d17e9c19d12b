// civic/vote/tally.hpp — homomorphic tally and threshold decryption.
//
// The encrypted tally is the componentwise product of the counted ballots' ciphertexts,
// per option: (A, B) = (g^R, K^(R+M)) where M is the option's count. Each present
// trustee l publishes M_l = A^(s_l) with a Chaum-Pedersen proof that
// log_g(g^(s_l)) = log_A(M_l). Any k of them give A^s = prod_l M_l^(lambda_l) with the
// Lagrange coefficients lambda_l = prod_{j != l} j / (j - l) of the present set; then
// K^M = B / A^s and M is found by baby-step giant-step over [0, ballots].
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "civic/vote/ballot.hpp"
#include "civic/vote/ceremony.hpp"
#include "civic/vote/for_each.hpp"

namespace civic::vote {

struct EncryptedTally {
  std::uint64_t ballots = 0;                      // how many ballots were added
  std::vector<std::vector<Ciphertext>> contests;  // per contest, per option
  friend bool operator==(const EncryptedTally&, const EncryptedTally&) = default;
};

// The encrypted tally while ballots are added: per option two running sums kept in
// extended coordinates, so a ballot costs two curve additions per option and no encoding.
// Sums of disjoint sets of ballots, merged in any order, give the same tally() bytes:
// a caller may sum slices of a board on several threads and merge them.
class TallySum {
 public:
  // All options at (identity, identity): the encryption of 0 with nonce 0.
  explicit TallySum(const Manifest& manifest);
  // Precondition: verify_ballot(election, ballot) succeeded.
  void add(const Ballot& ballot);
  void merge(const TallySum& other);  // Precondition: both for the same manifest
  EncryptedTally tally() const;

 private:
  struct OptionSum {
    PointSum alpha, beta;
  };
  std::uint64_t ballots_ = 0;
  std::vector<std::vector<OptionSum>> contests_;
};

// The tally of `ballots` (each verified): slices of them summed as pieces run by
// for_each, then merged. The same bytes whichever ForEach runs the pieces.
EncryptedTally tally_ballots(const Manifest& manifest, std::span<const Ballot* const> ballots,
                             const ForEach& for_each = for_each_in_order);

struct DecryptionShare {
  Point share;  // A^(s_l), the identity when A is
  Proof proof;
};

struct PartialDecryption {
  std::uint32_t trustee = 0;
  std::vector<std::vector<DecryptionShare>> contests;
};

PartialDecryption partially_decrypt(const Election& election, const EncryptedTally& tally,
                                    const TrusteeSecret& secret, Rng& rng);

// Errors: vote.decryption.shape, vote.decryption.unknown_trustee,
// vote.decryption.proof (path /contests/C/options/O).
Result<Unit> verify_partial_decryption(const Election& election, const Ceremony& ceremony,
                                       const EncryptedTally& tally,
                                       const PartialDecryption& partial);

using Counts = std::vector<std::vector<std::uint64_t>>;  // per contest, per option

// Verifies every partial decryption, combines the first `threshold` of them and solves
// each count. Errors: those of verify_partial_decryption, vote.decryption.quorum (fewer
// than k distinct trustees), vote.decryption.no_solution.
Result<Counts> decrypt_tally(const Election& election, const Ceremony& ceremony,
                             const EncryptedTally& tally,
                             std::span<const PartialDecryption> partials);

// The verifier's route, with no discrete log: checks B / prod M_l^(lambda_l) == K^count
// for every option. Assumes the partial decryptions were verified. Errors:
// vote.decryption.quorum, vote.decryption.count (path /counts/C/options/O, as in result.json).
Result<Unit> check_counts(const Election& election, const Ceremony& ceremony,
                          const EncryptedTally& tally, std::span<const PartialDecryption> partials,
                          const Counts& counts);

// Solves base^x == target for 0 <= x <= max by baby-step giant-step: about
// 2·sqrt(max) point additions and one table of sqrt(max) points (2 million voters:
// 1,415 entries).
class DiscreteLog {
 public:
  DiscreteLog(const Point& base, std::uint64_t max);
  std::optional<std::uint64_t> solve(const Point& target) const;

 private:
  std::uint64_t max_;
  std::uint64_t step_;                                         // m = ceil(sqrt(max + 1))
  std::vector<std::pair<std::uint64_t, std::uint64_t>> baby_;  // (key of base^j, j), sorted
  std::vector<Point> points_;                                  // base^j by j
  Point giant_;                                                // base^m
};

}  // namespace civic::vote
