#include "callback_signature.hpp"

#include <sodium.h>

namespace civic::server {

namespace {

std::array<std::uint8_t, crypto_auth_hmacsha256_BYTES> mac_of(const CallbackKey& key,
                                                              const std::string& body) {
  std::array<std::uint8_t, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data(), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  crypto_auth_hmacsha256_final(&state, mac.data());
  return mac;
}

}  // namespace

std::string callback_signature(const CallbackKey& key, const std::string& body) {
  const auto mac = mac_of(key, body);
  std::string hex(2 * mac.size() + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

bool callback_signature_matches(const CallbackKey& key, const std::string& body,
                                const std::string& signature) {
  std::array<std::uint8_t, crypto_auth_hmacsha256_BYTES> given{};
  std::size_t length = 0;
  if (signature.size() != 2 * given.size() ||
      sodium_hex2bin(given.data(), given.size(), signature.data(), signature.size(), nullptr,
                     &length, nullptr) != 0 ||
      length != given.size()) {
    return false;
  }
  const auto expected = mac_of(key, body);
  return sodium_memcmp(expected.data(), given.data(), given.size()) == 0;
}

}  // namespace civic::server
