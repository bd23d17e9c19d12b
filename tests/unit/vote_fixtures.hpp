// Shared fixtures of the vote tests: a small manifest, a local ceremony, credentials.
#pragma once

#include <string>
#include <vector>

#include "civic/rng.hpp"
#include "civic/vote.hpp"

namespace civic::vote::testing {

inline std::array<std::uint8_t, 32> seed_of(std::uint8_t value, std::uint8_t salt = 0) {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(value);
  seed[0] = salt;
  return seed;
}

// A manifest with one contest of `options` proposals, min..max selections, and a
// second contest "mayor-prize" choosing exactly 1 of 3.
inline Json manifest_json(std::size_t options = 5, std::uint32_t min = 0, std::uint32_t max = 3,
                          const std::string& id = "sofia-2026") {
  Json list = Json::array();
  for (std::size_t i = 1; i <= options; ++i) {
    const std::string n = std::to_string(i);
    list.push_back(Json{{"id", "p" + n},
                        {"title", {{"bg", "Проект " + n}, {"en", "Project " + n}}},
                        {"cost", 10000 * i}});
  }
  Json prize = Json::array();
  for (const char* name : {"a", "b", "c"}) {
    prize.push_back(Json{{"id", name}, {"title", {{"bg", name}, {"en", name}}}});
  }
  return Json{{"id", id},
              {"title", {{"bg", "София избира"}, {"en", "Sofia Chooses"}}},
              {"contests",
               {Json{{"id", "city"},
                     {"title", {{"bg", "Общоградски"}, {"en", "City-wide"}}},
                     {"min", min},
                     {"max", max},
                     {"options", list}},
                Json{{"id", "prize"},
                     {"title", {{"bg", "Награда"}, {"en", "Prize"}}},
                     {"min", 1},
                     {"max", 1},
                     {"options", prize}}}}};
}

struct TestElection {
  Election election;
  LocalCeremony ceremony;
};

inline TestElection make_election(const Json& manifest_json, std::uint32_t threshold = 3,
                                  std::uint32_t trustees = 5) {
  SeededRng rng(seed_of(42));
  Manifest manifest = parse_manifest(manifest_json).value();
  LocalCeremony ceremony = run_local_ceremony(manifest.base_hash, threshold, trustees, rng).value();
  const Point key = ceremony.ceremony.joint_key;
  return TestElection{Election{std::move(manifest), key}, std::move(ceremony)};
}

inline VoterCredential voter(std::uint8_t n) { return credential_from_seed(seed_of(n, 0xc7)); }

inline Selections choose(const Manifest& manifest, const Json& json) {
  return parse_selections(manifest, json).value();
}

inline EncryptedBallot encrypt_for(const Election& election, const Json& selections,
                                   std::uint8_t voter_number, std::uint8_t seed = 1,
                                   const std::string& device = "kiosk-1") {
  SeededRng rng(seed_of(seed, voter_number));
  return encrypt_ballot(election, choose(election.manifest, selections), voter(voter_number),
                        BallotMeta{device, "2026-11-25T10:00:00Z", std::nullopt, 0, std::nullopt},
                        rng)
      .value();
}

}  // namespace civic::vote::testing
