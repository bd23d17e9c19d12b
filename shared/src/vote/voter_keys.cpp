#include "civic/vote/voter_keys.hpp"

#include <sodium.h>

#include <algorithm>

namespace civic::vote {

namespace {

std::string keyed_hash(const Bytes32& key, std::string_view domain, std::string_view text) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), 32);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domain.data()),
                            domain.size());
  const unsigned char separator = 0;
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                            text.size());
  Bytes32 out{};
  crypto_generichash_final(&state, out.data(), out.size());
  return to_hex(out);
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string voter_hash(const Bytes32& key, std::string_view personal_number) {
  return keyed_hash(key, "civic/vote/voter/v1", personal_number);
}

std::string phone_hash(const Bytes32& key, std::string_view normalised_phone) {
  return keyed_hash(key, "civic/vote/phone/v1", normalised_phone);
}

std::optional<std::string> normalise_phone(std::string_view phone) {
  std::string digits;
  bool plus = false;
  for (const char c : phone) {
    if (c == ' ' || c == '-') continue;
    if (c == '+' && digits.empty() && !plus) {
      plus = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (!plus && digits.rfind("00", 0) == 0) {
    digits.erase(0, 2);
  } else if (!plus && digits.rfind('0', 0) == 0) {
    digits = "359" + digits.substr(1);
  } else if (!plus) {
    return std::nullopt;
  }
  if (digits.size() < 10 || digits.size() > 15) return std::nullopt;
  return "+" + digits;
}

bool is_personal_number(std::string_view text) { return text.size() == 10 && all_digits(text); }

}  // namespace civic::vote
