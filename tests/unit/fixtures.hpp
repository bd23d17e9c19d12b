// tests/unit/fixtures.hpp — the values and helpers that several unit tests share.
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "civic/date.hpp"
#include "civic/envelope.hpp"

namespace civic::test {

// The day the tests' answers are given on (the rules never read a clock).
inline constexpr Date kToday{2026, 11, 25};

// 32 bytes that all hold `value`: a seed or key that is easy to tell apart.
inline std::array<std::uint8_t, 32> bytes_of(std::uint8_t value) {
  std::array<std::uint8_t, 32> bytes{};
  bytes.fill(value);
  return bytes;
}

// SHA-256 of `bytes` as 64 lower-case hex digits.
inline std::string sha256_hex(std::span<const std::uint8_t> bytes) {
  std::uint8_t digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, bytes.data(), bytes.size());
  return envelope::to_hex(digest, sizeof digest);
}

}  // namespace civic::test
