// The fast transliterate and fold_for_search give, byte for byte, what their first, simple
// implementation (text_reference.cpp) gives: on every Cyrillic letter alone and in pairs, and on
// generated texts mixing scripts, case, punctuation, address words and malformed UTF-8.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "civic/text.hpp"
#include "text_reference.hpp"

namespace civic {
namespace {

std::string utf8_of(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// What generated texts are made of.
std::vector<std::string> pieces() {
  std::vector<std::string> pieces;
  for (char32_t c = 0x0400; c < 0x0480; ++c) pieces.push_back(utf8_of(c));  // Cyrillic and around
  for (char32_t c = 0x0430; c < 0x0450; ++c) {  // Bulgarian letters, more often
    pieces.push_back(utf8_of(c));
    pieces.push_back(utf8_of(c - 0x20));
  }
  for (char c = ' '; c < 0x7F; ++c) pieces.emplace_back(1, c);
  for (const char32_t c :
       {0x0160, 0x0161, 0x017D, 0x017E, 0x010C, 0x010D, 0x00AB, 0x00BB, 0x2116, 0x00A0, 0x201E,
        0x201C, 0x2014, 0x2000, 0x206F, 0x00E9, 0x03A9, 0xFFFD, 0x1F600}) {
    pieces.push_back(utf8_of(c));
  }
  for (const char* malformed :
       {"\xFF", "\x80", "\xC0\xAF", "\xD0", "\xD1",
        "\xD0"
        "a",
        "\xD1\xC0", "\xE2\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F"}) {
    pieces.emplace_back(malformed);
  }
  for (const char* word :
       {"ия",       "ИЯ",       "иЯ",         "Ия",       "България",   "БЪЛГАРИЯ", "българия",
        "БългариЯ", "ж.к.",     "жк",         "жилищен",  "комплекс",   "ул.",      "улица",
        "бул.",     "булевард", "пл.",        "площад",   "кв.",        "квартал",  "бл.",
        "блок",     "вх.",      "вход",       "ет.",      "етаж",       "ап.",      "апартамент",
        "zh",       "k",        "zhilishten", "kompleks", "ulitsa",     "bulevard", "ploshtad",
        "kvartal",  "blok",     "vhod",       "etazh",    "apartament", "ul",       "bul",
        "pl",       "zhk",      "kv",         "bl",       "vh",         "et",       "ap",
        "tz",       "TZ",       "ja",         "ju",       "c",          "ch",       "w",
        "W",        "iya",      "sofija",     "Sofiya",   "Lozenec",    " ",        " ",
        " ",        ".",        ","}) {
    pieces.emplace_back(word);
  }
  return pieces;
}

std::string generated_text(std::mt19937& random, const std::vector<std::string>& pieces,
                           size_t max_pieces) {
  std::uniform_int_distribution<size_t> count(0, max_pieces);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (size_t n = count(random); n > 0; --n) text += pieces[pick(random)];
  return text;
}

void expect_as_reference(const std::string& text) {
  EXPECT_EQ(transliterate(text), text_reference::transliterate(text)) << text;
  EXPECT_EQ(fold_for_search(text), text_reference::fold_for_search(text)) << text;
}

TEST(TextEquivalence, EveryCyrillicLetterAloneInPairsAndInWords) {
  for (char32_t a = 0x0400; a < 0x0500; ++a) {
    expect_as_reference(utf8_of(a));
    expect_as_reference(utf8_of(a) + "x " + utf8_of(a) + utf8_of(a) + "ия");
    for (char32_t b = 0x0400; b < 0x0460; ++b) expect_as_reference(utf8_of(a) + utf8_of(b));
  }
}

TEST(TextEquivalence, GeneratedTexts) {
  const std::vector<std::string> all = pieces();
  std::mt19937 random(16);
  for (int i = 0; i < 20000; ++i) expect_as_reference(generated_text(random, all, 12));
  for (int i = 0; i < 20; ++i) expect_as_reference(generated_text(random, all, 5000));  // long
}

}  // namespace
}  // namespace civic
