#include "encoding.hpp"

#include <sodium.h>

namespace civic::envelope {

std::string to_hex(const std::uint8_t* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

std::string to_base64(const Bytes& bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
  out.pop_back();  // the terminating NUL
  return out;
}

std::optional<Bytes> from_base64(std::string_view text) {
  Bytes out(text.size() / 4 * 3 + 3);
  std::size_t size = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(size);
  if (to_base64(out) != text) return std::nullopt;  // non-canonical padding bits
  return out;
}

std::optional<Bytes> from_hex(std::string_view text, std::size_t size) {
  if (text.size() != size * 2) return std::nullopt;
  if (size == 0) return Bytes{};  // libsodium must not be handed a null buffer
  Bytes out(size);
  std::size_t written = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &written, &end) !=
          0 ||
      written != size || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return out;
}

std::string blake2b_256_hex(std::string_view bytes) {
  std::uint8_t hash[crypto_generichash_BYTES];
  static_assert(crypto_generichash_BYTES == 32);
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  return to_hex(hash, sizeof hash);
}

Error malformed(std::string path, const char* expected_bg, const char* expected_en) {
  return Error{"envelope.malformed",
               std::move(path),
               {std::string("Пликът на заявлението е повреден: ") + expected_bg,
                std::string("The submission envelope is damaged: ") + expected_en},
               Json::object()};
}

Error bad_key(std::string path) {
  return Error{
      "envelope.bad_key",
      std::move(path),
      {"Ключът трябва да е 64 шестнадесетични цифри", "The key must be 64 hexadecimal digits"},
      Json::object()};
}

Error unusable_key(std::string path) {
  return Error{
      "envelope.bad_key",
      std::move(path),
      {"Този ключ не може да се използва за запечатване", "This key cannot be used for sealing"},
      Json::object()};
}

}  // namespace civic::envelope
