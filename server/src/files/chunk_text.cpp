#include "files/chunk_text.hpp"

#include <sodium.h>

namespace civic::server {

std::string to_base64(std::span<const std::uint8_t> bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string text(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  text.pop_back();  // the terminating NUL
  return text;
}

std::optional<std::vector<std::uint8_t>> from_base64(std::string_view text) {
  std::vector<std::uint8_t> bytes(text.size() / 4 * 3 + 3);
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

std::optional<std::vector<std::uint8_t>> from_hex(std::string_view text, std::size_t size) {
  if (text.size() != 2 * size) return std::nullopt;
  std::vector<std::uint8_t> bytes(size);
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                     &end) != 0 ||
      length != size || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace civic::server
