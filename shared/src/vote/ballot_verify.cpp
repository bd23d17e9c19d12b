#include <sodium.h>

#include "ballot_context.hpp"
#include "civic/vote/ballot.hpp"

namespace civic::vote {

namespace {

Error ballot_error(const char* code, const std::string& path, const char* bg, const char* en) {
  return Error{std::string("vote.ballot.") + code, path, {bg, en}, {}};
}

Result<Unit> check_structure(const Manifest& manifest, const Ballot& ballot) {
  const auto structure_error = [](const std::string& path) {
    return ballot_error("structure", path, "Бюлетината не съответства на изборите",
                        "The ballot does not match the election manifest");
  };
  if (ballot.contests.size() != manifest.contests.size()) return structure_error("/contests");
  for (std::size_t c = 0; c < ballot.contests.size(); ++c) {
    const Contest& contest = manifest.contests[c];
    const EncryptedContest& encrypted = ballot.contests[c];
    const std::string path = "/contests/" + std::to_string(c);
    if (encrypted.options.size() != contest.options.size()) return structure_error(path);
    for (const EncryptedOption& option : encrypted.options) {
      if (option.proof.challenges.size() != 2 || option.proof.responses.size() != 2) {
        return structure_error(path);
      }
    }
    if (encrypted.selection_proof.has_value() != contest.needs_selection_proof()) {
      return structure_error(path + "/selection_proof");
    }
  }
  return Unit{};
}

}  // namespace

Result<Unit> verify_ballot(const Election& election, const Ballot& ballot) {
  const Manifest& manifest = election.manifest;
  if (ballot.election != manifest.base_hash) {
    return ballot_error("wrong_election", "/election", "Бюлетината е за други избори",
                        "The ballot is for another election");
  }
  if (auto meta = detail::check_meta(ballot.device, ballot.time); !meta) return meta;
  if (auto structure = check_structure(manifest, ballot); !structure) return structure;
  if (compute_tracking_code(ballot) != ballot.tracking_code) {
    return ballot_error("tracking_code", "/tracking_code",
                        "Кодът за проследяване не съответства на бюлетината",
                        "The tracking code is not the hash of the ballot");
  }
  const auto message = detail::signed_message(ballot.tracking_code, ballot.choice);
  if (crypto_sign_verify_detached(ballot.signature.data(), message.data(), message.size(),
                                  ballot.credential.data()) != 0) {
    return ballot_error("signature", "/signature", "Подписът на бюлетината е невалиден",
                        "The ballot's credential signature is invalid");
  }
  const FixedBase& key = election.key_table;
  for (std::uint32_t c = 0; c < ballot.contests.size(); ++c) {
    const Contest& contest = manifest.contests[c];
    const EncryptedContest& encrypted = ballot.contests[c];
    const std::string path = "/contests/" + std::to_string(c);
    PointSum alpha, beta;
    for (std::uint32_t o = 0; o < encrypted.options.size(); ++o) {
      const EncryptedOption& option = encrypted.options[o];
      if (!verify_range(detail::option_proof_context(election, ballot, c, o), key,
                        option.ciphertext, 0, 1, option.proof)) {
        return ballot_error("option_proof", path + "/options/" + std::to_string(o),
                            "Доказателството, че изборът е 0 или 1, е невалидно",
                            "The proof that this choice is 0 or 1 is invalid");
      }
      if (encrypted.selection_proof) {
        alpha += option.ciphertext.alpha;
        beta += option.ciphertext.beta;
      }
    }
    if (encrypted.selection_proof &&
        !verify_range(detail::selection_proof_context(election, ballot, c), key,
                      Ciphertext{alpha.point(), beta.point()}, contest.min, contest.max,
                      *encrypted.selection_proof)) {
      return ballot_error("selection_proof", path + "/selection_proof",
                          "Доказателството за броя избрани предложения е невалидно",
                          "The proof of the number of selections is invalid");
    }
  }
  return Unit{};
}

}  // namespace civic::vote
