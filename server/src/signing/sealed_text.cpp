#include "signing/sealed_text.hpp"

#include <sodium.h>

#include <vector>

namespace civic::server {

std::string seal_text(const std::string& text, const envelope::PublicKey& key) {
  std::vector<unsigned char> sealed(text.size() + crypto_box_SEALBYTES);
  crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                  key.data());
  std::string hex(2 * sealed.size() + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), sealed.data(), sealed.size());
  hex.pop_back();
  return hex;
}

std::optional<std::string> open_text(const std::string& sealed, const envelope::PublicKey& key,
                                     const envelope::SecretKey& secret) {
  std::vector<unsigned char> bytes(sealed.size() / 2);
  std::size_t length = 0;
  if (sealed.size() % 2 != 0 || bytes.size() < crypto_box_SEALBYTES ||
      sodium_hex2bin(bytes.data(), bytes.size(), sealed.data(), sealed.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != bytes.size()) {
    return std::nullopt;
  }
  std::string text(bytes.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(text.data()), bytes.data(),
                           bytes.size(), key.data(), secret.data()) != 0) {
    return std::nullopt;
  }
  return text;
}

}  // namespace civic::server
