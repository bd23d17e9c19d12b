#include "civic/vote/tally.hpp"

#include <sodium.h>

#include <algorithm>

namespace civic::vote {

namespace {

Transcript decryption_context(const Election& election, std::uint32_t trustee,
                              std::uint32_t contest, std::uint32_t option) {
  Transcript transcript("civic/vote/v1/decryption-proof");
  transcript.bytes(election.manifest.base_hash).point(election.joint_key);
  transcript.u32(trustee).u32(contest).u32(option);
  return transcript;
}

Error decryption_error(const char* code, const std::string& path, const char* bg, const char* en) {
  return Error{std::string("vote.decryption.") + code, path, {bg, en}, {}};
}

std::string option_path(std::size_t contest, std::size_t option) {
  return "/contests/" + std::to_string(contest) + "/options/" + std::to_string(option);
}

// The first `threshold` distinct trustees, with their Lagrange coefficients at 0.
struct Quorum {
  std::vector<const PartialDecryption*> members;
  std::vector<Scalar> lagrange;
};

Result<Quorum> choose_quorum(const Ceremony& ceremony,
                             std::span<const PartialDecryption> partials) {
  Quorum quorum;
  for (const PartialDecryption& partial : partials) {
    const bool seen = std::any_of(quorum.members.begin(), quorum.members.end(),
                                  [&](const auto* m) { return m->trustee == partial.trustee; });
    if (!seen && quorum.members.size() < ceremony.threshold) quorum.members.push_back(&partial);
  }
  if (quorum.members.size() < ceremony.threshold || ceremony.threshold == 0) {
    Error error = decryption_error("quorum", "", "Недостатъчно попечители за дешифриране",
                                   "Not enough distinct trustees to decrypt");
    error.params = {{"threshold", ceremony.threshold}, {"present", quorum.members.size()}};
    return error;
  }
  for (const PartialDecryption* member : quorum.members) {
    const Scalar l = scalar_from_u64(member->trustee);
    Scalar numerator = scalar_from_u64(1), denominator = scalar_from_u64(1);
    for (const PartialDecryption* other : quorum.members) {
      if (other == member) continue;
      const Scalar j = scalar_from_u64(other->trustee);
      numerator = numerator * j;
      denominator = denominator * (j - l);
    }
    quorum.lagrange.push_back(numerator * inverse(denominator));
  }
  return quorum;
}

// K^M = B / A^s with A^s = prod_l M_l^(lambda_l).
Point message_power(const Quorum& quorum, const Ciphertext& ciphertext, std::size_t contest,
                    std::size_t option) {
  Point key_power = identity();
  for (std::size_t i = 0; i < quorum.members.size(); ++i) {
    const Point& share = quorum.members[i]->contests[contest][option].share;
    key_power = key_power + mul(quorum.lagrange[i], share);
  }
  return ciphertext.beta - key_power;
}

}  // namespace

TallySum::TallySum(const Manifest& manifest) {
  for (const Contest& contest : manifest.contests) contests_.emplace_back(contest.options.size());
}

void TallySum::add(const Ballot& ballot) {
  for (std::size_t c = 0; c < contests_.size(); ++c) {
    for (std::size_t o = 0; o < contests_[c].size(); ++o) {
      const Ciphertext& ciphertext = ballot.contests[c].options[o].ciphertext;
      contests_[c][o].alpha += ciphertext.alpha;
      contests_[c][o].beta += ciphertext.beta;
    }
  }
  ++ballots_;
}

void TallySum::merge(const TallySum& other) {
  for (std::size_t c = 0; c < contests_.size(); ++c) {
    for (std::size_t o = 0; o < contests_[c].size(); ++o) {
      contests_[c][o].alpha += other.contests_[c][o].alpha;
      contests_[c][o].beta += other.contests_[c][o].beta;
    }
  }
  ballots_ += other.ballots_;
}

EncryptedTally TallySum::tally() const {
  EncryptedTally tally{ballots_, {}};
  for (const auto& options : contests_) {
    std::vector<Ciphertext> row;
    for (const OptionSum& sum : options)
      row.push_back(Ciphertext{sum.alpha.point(), sum.beta.point()});
    tally.contests.push_back(std::move(row));
  }
  return tally;
}

EncryptedTally tally_ballots(const Manifest& manifest, std::span<const Ballot* const> ballots,
                             const ForEach& for_each) {
  constexpr std::size_t kSlice = 512;  // ballots per piece
  std::vector<TallySum> slices((ballots.size() + kSlice - 1) / kSlice, TallySum(manifest));
  for_each(slices.size(), [&](std::size_t s) {
    const std::size_t end = std::min(ballots.size(), (s + 1) * kSlice);
    for (std::size_t i = s * kSlice; i < end; ++i) slices[s].add(*ballots[i]);
  });
  TallySum total(manifest);
  for (const TallySum& slice : slices) total.merge(slice);
  return total.tally();
}

PartialDecryption partially_decrypt(const Election& election, const EncryptedTally& tally,
                                    const TrusteeSecret& secret, Rng& rng) {
  const Point public_share = base_mul(secret.share);
  PartialDecryption partial{secret.index, {}};
  for (std::uint32_t c = 0; c < tally.contests.size(); ++c) {
    std::vector<DecryptionShare> shares;
    for (std::uint32_t o = 0; o < tally.contests[c].size(); ++o) {
      const Point& alpha = tally.contests[c][o].alpha;
      const Point share = mul(secret.share, alpha);
      Bytes32 seed;
      rng.fill(seed);
      shares.push_back(
          DecryptionShare{share, prove_equal_logs(decryption_context(election, secret.index, c, o),
                                                  public_share, alpha, share, secret.share, seed)});
      sodium_memzero(seed.data(), seed.size());
    }
    partial.contests.push_back(std::move(shares));
  }
  return partial;
}

Result<Unit> verify_partial_decryption(const Election& election, const Ceremony& ceremony,
                                       const EncryptedTally& tally,
                                       const PartialDecryption& partial) {
  if (partial.trustee < 1 || partial.trustee > ceremony.trustees.size()) {
    return decryption_error("unknown_trustee", "/trustee", "Няма такъв попечител",
                            "There is no such trustee");
  }
  if (partial.contests.size() != tally.contests.size()) {
    return decryption_error("shape", "/contests", "Частичното дешифриране не съответства",
                            "The partial decryption does not match the tally");
  }
  const Point public_share = trustee_public_share(ceremony, partial.trustee);
  for (std::uint32_t c = 0; c < tally.contests.size(); ++c) {
    if (partial.contests[c].size() != tally.contests[c].size()) {
      return decryption_error("shape", "/contests/" + std::to_string(c),
                              "Частичното дешифриране не съответства",
                              "The partial decryption does not match the tally");
    }
    for (std::uint32_t o = 0; o < tally.contests[c].size(); ++o) {
      const DecryptionShare& share = partial.contests[c][o];
      if (!verify_equal_logs(decryption_context(election, partial.trustee, c, o), public_share,
                             tally.contests[c][o].alpha, share.share, share.proof)) {
        return decryption_error("proof", option_path(c, o),
                                "Доказателството за частично дешифриране е невалидно",
                                "A partial decryption proof is invalid");
      }
    }
  }
  return Unit{};
}

Result<Counts> decrypt_tally(const Election& election, const Ceremony& ceremony,
                             const EncryptedTally& tally,
                             std::span<const PartialDecryption> partials) {
  for (const PartialDecryption& partial : partials) {
    if (auto verified = verify_partial_decryption(election, ceremony, tally, partial); !verified) {
      return std::move(verified).error();
    }
  }
  auto quorum = choose_quorum(ceremony, partials);
  if (!quorum) return std::move(quorum).error();
  const DiscreteLog dlog(election.joint_key, tally.ballots);
  Counts counts;
  for (std::size_t c = 0; c < tally.contests.size(); ++c) {
    std::vector<std::uint64_t> row;
    for (std::size_t o = 0; o < tally.contests[c].size(); ++o) {
      const auto count = dlog.solve(message_power(*quorum, tally.contests[c][o], c, o));
      if (!count) {
        return decryption_error("no_solution", option_path(c, o),
                                "Резултатът е извън възможния обхват",
                                "The decrypted count is outside 0..ballots");
      }
      row.push_back(*count);
    }
    counts.push_back(std::move(row));
  }
  return counts;
}

Result<Unit> check_counts(const Election& election, const Ceremony& ceremony,
                          const EncryptedTally& tally, std::span<const PartialDecryption> partials,
                          const Counts& counts) {
  auto quorum = choose_quorum(ceremony, partials);
  if (!quorum) return std::move(quorum).error();
  if (counts.size() != tally.contests.size()) {
    return decryption_error("count", "/contests", "Резултатът не съответства на изборите",
                            "The counts do not match the election");
  }
  for (std::size_t c = 0; c < tally.contests.size(); ++c) {
    if (counts[c].size() != tally.contests[c].size()) {
      return decryption_error("count", "/contests/" + std::to_string(c),
                              "Резултатът не съответства на изборите",
                              "The counts do not match the election");
    }
    for (std::size_t o = 0; o < tally.contests[c].size(); ++o) {
      const Point expected = mul(scalar_from_u64(counts[c][o]), election.joint_key);
      if (counts[c][o] > tally.ballots ||
          message_power(*quorum, tally.contests[c][o], c, o) != expected) {
        return decryption_error("count",
                                "/counts/" + std::to_string(c) + "/options/" + std::to_string(o),
                                "Обявеният брой гласове не е дешифрираният",
                                "The published count is not what the tally decrypts to");
      }
    }
  }
  return Unit{};
}

}  // namespace civic::vote
