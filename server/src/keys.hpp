// keys.hpp — the municipality's server keys, kept as files in the keys folder.
//
//   envelope.key  X25519 secret key (64 hex digits): opens the citizens' sealed envelopes
//   receipt.key   Ed25519 seed (64 hex digits): signs receipts and certificates
//   payment_callback.key  HMAC-SHA256 key (64 hex digits) agreed with the payment provider:
//                 authenticates its callbacks
//   signing_ca.key  Ed25519 seed (64 hex digits) of the development signing CA
//                 (signing/development_provider.hpp; --signing development only)
//   signing_callback.key  HMAC-SHA256 key (64 hex digits) agreed with the signing provider:
//                 authenticates its callbacks
//   voter.key     32 bytes (64 hex digits): the municipality's key of the voter and phone
//                 hashes (civic/vote/voter_keys.hpp); the eligibility register is made with it
// Files are created mode 0600 with fresh random keys when absent (development keys);
// production installs put the real ones there. The public halves go into the profile
// bundle's "keys".
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>

#include "civic/envelope.hpp"
#include "civic/receipt.hpp"

namespace civic::server {

struct Keys {
  envelope::SecretKey envelope_secret{};
  envelope::PublicKey envelope_public{};
  receipt::Seed receipt_seed{};
  receipt::PublicKey receipt_public{};
  std::array<std::uint8_t, 32> payment_callback{};
  std::array<std::uint8_t, 32> voter_key{};
  std::array<std::uint8_t, 32> signing_ca_seed{};
  std::array<std::uint8_t, 32> signing_callback{};
  bool created = false;  // at least one key was generated now
};

// Throws std::runtime_error when a key file exists but is unreadable or malformed.
Keys load_or_create_keys(const std::filesystem::path& dir);

}  // namespace civic::server
