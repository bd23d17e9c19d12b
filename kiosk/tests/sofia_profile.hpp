// kiosk/tests/sofia_profile.hpp — the Sofia profile folder as a loaded profile, with a
// test sealing key and receipt key added as civic-server adds its own.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "civic/date.hpp"
#include "civic/envelope.hpp"
#include "civic/io/profile_dir.hpp"
#include "civic/profile.hpp"
#include "civic/receipt.hpp"

namespace civic::kiosk::testing {

// The day the fixtures are answered on (server_flow's civic-server runs with --today 2026-11-25).
inline constexpr Date kToday{2026, 11, 25};

inline const envelope::SecretKey kEnvelopeSecret = {7};
inline const receipt::Seed kReceiptSeed = {9};

inline std::shared_ptr<const profile::Profile> sofia_profile() {
  auto bundle = io::read_profile_dir(CIVIC_SOFIA_PROFILE_DIR);
  if (!bundle) throw std::runtime_error(bundle.error().message.en);
  const auto envelope_key = envelope::public_key_of(kEnvelopeSecret);
  const auto receipt_key = receipt::public_key_of(kReceiptSeed);
  bundle.value()["keys"] = {
      {"envelope", envelope::to_hex(envelope_key.data(), envelope_key.size())},
      {"receipt", envelope::to_hex(receipt_key.data(), receipt_key.size())}};
  auto loaded = profile::load(*bundle);
  if (!loaded.profile) throw std::runtime_error("the Sofia profile does not load");
  return loaded.profile;
}

// An answers file of tests/profile/sofia ("owner.json").
inline profile::Json fixture_answers(const std::string& name) {
  std::ifstream file(std::string(CIVIC_SOFIA_FIXTURES_DIR) + "/" + name);
  std::stringstream text;
  text << file.rdbuf();
  return profile::Json::parse(text.str());
}

}  // namespace civic::kiosk::testing
