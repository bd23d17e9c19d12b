#include "ballot_context.hpp"
#include "civic/vote/ballot.hpp"

namespace civic::vote {

namespace {

Error mismatch(const std::string& path) {
  return Error{
      "vote.spoil.mismatch",
      path,
      {"Разкритите данни не отварят тази бюлетина", "The opening does not reproduce this ballot"},
      {}};
}

}  // namespace

Result<Opening> open_ballot(const Election& election, const Ballot& ballot,
                            const BallotSecret& secret) {
  if (ballot.contests.size() != election.manifest.contests.size()) return mismatch("/contests");
  Opening opening{secret.master_nonce, {}};
  const FixedBase& key = election.key_table;
  for (std::uint32_t c = 0; c < ballot.contests.size(); ++c) {
    std::vector<std::uint8_t> choices;
    for (std::uint32_t o = 0; o < ballot.contests[c].options.size(); ++o) {
      const Scalar r = detail::encryption_nonce(secret.master_nonce, c, o);
      const Ciphertext& ciphertext = ballot.contests[c].options[o].ciphertext;
      const Point key_to_r = key.mul(r);
      if (ciphertext.beta == key_to_r) {
        choices.push_back(0);
      } else if (ciphertext.beta == key_to_r + election.joint_key) {
        choices.push_back(1);
      } else {
        return mismatch("/contests/" + std::to_string(c) + "/options/" + std::to_string(o));
      }
    }
    opening.selections.push_back(std::move(choices));
  }
  if (auto checked = verify_opening(election, ballot, opening); !checked) {
    return std::move(checked).error();
  }
  return opening;
}

Result<Unit> verify_opening(const Election& election, const Ballot& ballot,
                            const Opening& opening) {
  if (auto checked = check_selections(election.manifest, opening.selections); !checked) {
    return checked;
  }
  if (ballot.contests.size() != opening.selections.size()) return mismatch("/contests");
  if (detail::ballot_id(opening.master_nonce) != ballot.id) return mismatch("/id");
  const FixedBase& key = election.key_table;
  for (std::uint32_t c = 0; c < ballot.contests.size(); ++c) {
    const auto& options = ballot.contests[c].options;
    if (options.size() != opening.selections[c].size()) return mismatch("/contests");
    for (std::uint32_t o = 0; o < options.size(); ++o) {
      const Scalar r = detail::encryption_nonce(opening.master_nonce, c, o);
      if (encrypt(key, opening.selections[c][o], r) != options[o].ciphertext) {
        return mismatch("/contests/" + std::to_string(c) + "/options/" + std::to_string(o));
      }
    }
  }
  return Unit{};
}

}  // namespace civic::vote
