// Formats of address parts, and number normalisation.
#include <string>

#include "../text/utf8.hpp"
#include "civic/address.hpp"

namespace civic::address {

namespace {

bool is_cyrillic_capital(char32_t c) { return c >= 0x0410 && c <= 0x042F; }

// A Latin letter typed for a Cyrillic one, by the official transliteration read backwards
// (a → А, b → Б, v → В ...); letters without a one-letter Cyrillic source stay as they are.
char32_t cyrillic_for_latin(char32_t c) {
  static constexpr std::u32string_view kLatin = U"ABVGDEZIKLMNOPRSTUFH";
  static constexpr std::u32string_view kCyrillic = U"АБВГДЕЗИКЛМНОПРСТУФХ";
  const size_t at = kLatin.find(c);
  return at == std::u32string_view::npos ? c : kCyrillic[at];
}

size_t count_digits(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
  return n;
}

// 1..max_digits digits, then nothing or one Cyrillic capital letter.
bool digits_then_letter(std::string_view text, size_t max_digits) {
  const size_t digits = count_digits(text);
  if (digits == 0 || digits > max_digits || text[0] == '0') return false;
  if (digits == text.size()) return true;
  size_t pos = digits;
  const char32_t letter = utf8::next(text, pos);
  return pos == text.size() && is_cyrillic_capital(letter);
}

}  // namespace

std::string normalise_number(std::string_view number) {
  std::string out;
  for (size_t pos = 0; pos < number.size();) {
    char32_t c = utf8::next(number, pos);
    if (c == ' ' || c == 0x00A0) continue;
    if (c >= 'a' && c <= 'z') c -= 0x20;
    if (c >= 0x0430 && c <= 0x044F) c -= 0x20;
    utf8::append(out, cyrillic_for_latin(c));
  }
  return out;
}

bool is_postal_code(std::string_view text) { return text.size() == 4 && count_digits(text) == 4; }

bool is_building_number(std::string_view normalised) { return digits_then_letter(normalised, 4); }

bool is_entrance(std::string_view text) {
  if (!text.empty() && count_digits(text) == text.size()) {
    return text.size() <= 2 && text[0] != '0';
  }
  size_t pos = 0;
  const char32_t letter = utf8::next(text, pos);
  return pos == text.size() && is_cyrillic_capital(letter);
}

bool is_floor(std::string_view text) {
  const bool negative = !text.empty() && text[0] == '-';
  const std::string_view digits = text.substr(negative ? 1 : 0);
  if (digits.empty() || digits.size() > 2 || count_digits(digits) != digits.size()) return false;
  if (digits.size() == 2 && digits[0] == '0') return false;
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return negative ? value >= 1 && value <= 5 : value <= 99;
}

bool is_apartment(std::string_view text) { return digits_then_letter(text, 4); }

}  // namespace civic::address
