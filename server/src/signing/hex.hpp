// hex.hpp — fixed-size byte arrays as lower-case hex and back (libsodium's helpers).
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>

namespace civic::server {

template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& bytes) {
  std::string hex(2 * N + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), N);
  hex.pop_back();
  return hex;
}

// Exactly 2·N hex digits (either case) into `bytes`; false otherwise.
template <std::size_t N>
bool from_hex(const std::string& hex, std::array<std::uint8_t, N>& bytes) {
  std::size_t length = 0;
  return hex.size() == 2 * N &&
         sodium_hex2bin(bytes.data(), N, hex.data(), hex.size(), nullptr, &length, nullptr) == 0 &&
         length == N;
}

}  // namespace civic::server
