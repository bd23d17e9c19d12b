#include "signature.hpp"

#include <sodium.h>

#include "civic/envelope.hpp"
#include "civic/jcs.hpp"

namespace civic::receipt {

Result<std::string> sign_canonical(const Json& document, const Seed& seed) {
  auto canonical = jcs::canonicalize(document);
  if (!canonical) return canonical.error();
  std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> public_key{};
  std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secret_key{};
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed.data());
  std::array<std::uint8_t, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(canonical->data()), canonical->size(),
                       secret_key.data());
  sodium_memzero(secret_key.data(), secret_key.size());
  return envelope::to_hex(signature.data(), signature.size());
}

Result<bool> verify_canonical(const Json& document, std::string_view signature_hex,
                              const PublicKey& key) {
  auto canonical = jcs::canonicalize(document);
  if (!canonical) return canonical.error();
  std::array<std::uint8_t, crypto_sign_BYTES> signature{};
  if (sodium_hex2bin(signature.data(), signature.size(), signature_hex.data(), signature_hex.size(),
                     nullptr, nullptr, nullptr) != 0) {
    return false;
  }
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(canonical->data()),
                                     canonical->size(), key.data()) == 0;
}

}  // namespace civic::receipt
