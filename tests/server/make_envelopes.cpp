// civic_test_envelopes: sealed envelopes for the server tests and the load benchmark.
//
//   civic_test_envelopes PROFILE_DIR FORM_ID ANSWERS.json TODAY PUBLIC_KEY_HEX COUNT [SEED_HEX]
//
// Prints COUNT envelopes (one JSON per line), each a different idempotency id, made by the
// core's submission::seal exactly as the browser makes them. Deterministic for a given seed.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "civic/api.hpp"
#include "civic/io/profile_dir.hpp"
#include "civic/submission.hpp"

int main(int argc, char** argv) {
  if (argc < 7) {
    std::cerr << "usage: civic_test_envelopes PROFILE_DIR FORM_ID ANSWERS TODAY PUBLIC_KEY COUNT "
                 "[SEED]\n";
    return 2;
  }
  auto bundle = civic::io::read_profile_dir(argv[1]);
  if (!bundle) {
    std::cerr << bundle.error().message.en << '\n';
    return 1;
  }
  auto loaded = civic::profile::load(*bundle);
  std::ifstream file(argv[3]);
  std::stringstream text;
  text << file.rdbuf();
  const auto answers = civic::api::Json::parse(text.str(), nullptr, false);
  auto today = civic::parse_iso_date(argv[4]);
  auto key = civic::envelope::parse_public_key(argv[5]);
  if (!loaded.profile || answers.is_discarded() || !today || !key) {
    std::cerr << "bad profile, answers, date or key\n";
    return 1;
  }
  std::array<std::uint8_t, civic::SeededRng::kSeedBytes> seed{};
  if (argc > 7) {
    auto parsed = civic::envelope::parse_secret_key(argv[7]);
    if (parsed) seed = *parsed;
  }
  civic::SeededRng rng(seed);
  const long count = std::stol(argv[6]);
  const civic::submission::SealOptions options{*today, std::string(argv[4]) + "T09:00:00Z"};
  for (long i = 0; i < count; ++i) {
    auto envelope = civic::submission::seal(*loaded.profile, argv[2], answers, options, *key, rng);
    if (!envelope) {
      std::cerr << civic::api::dump(civic::api::error_to_json(envelope.error())) << '\n';
      return 1;
    }
    std::cout << civic::api::dump(*envelope) << '\n';
  }
  return 0;
}
