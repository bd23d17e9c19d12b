#include <array>
#include <cctype>
#include <vector>

#include "civic/text.hpp"
#include "utf8.hpp"

namespace civic {

namespace {

// Lower-case Latin for а..я (U+0430..U+044F); nullptr for ы and э, which are not
// Bulgarian letters and so pass through unchanged.
constexpr std::array<const char*, 32> kLatin = {
    "a", "b", "v", "g", "d", "e", "zh", "z",  "i",  "y",   "k", "l",     "m", "n",     "o",  "p",
    "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", nullptr, "y", nullptr, "yu", "ya"};

constexpr char32_t kCapitalA = 0x0410, kCapitalYa = 0x042F, kSmallA = 0x0430, kSmallYa = 0x044F;
constexpr char32_t kCapitalIGrave = 0x040D, kSmallIGrave = 0x045D;
constexpr char32_t kSmallI = 0x0438, kSmallYaLetter = 0x044F;

bool is_upper(char32_t c) { return (c >= kCapitalA && c <= kCapitalYa) || c == kCapitalIGrave; }
bool is_lower(char32_t c) { return (c >= kSmallA && c <= kSmallYa) || c == kSmallIGrave; }
bool is_cyrillic_letter(char32_t c) { return is_upper(c) || is_lower(c); }
bool is_ascii_letter(char32_t c) { return c < 0x80 && std::isalpha(static_cast<int>(c)); }
bool is_letter(char32_t c) { return is_cyrillic_letter(c) || is_ascii_letter(c); }
char32_t to_lower(char32_t c) {
  if (c == kCapitalIGrave) return kSmallIGrave;
  return is_upper(c) ? c + (kSmallA - kCapitalA) : c;
}

const char* latin_of(char32_t lower) {
  if (lower == kSmallIGrave) return "i";
  return kLatin[lower - kSmallA];
}

// How the Latin letters of one Cyrillic letter are cased.
enum class Casing { lower, capital_first, all_capitals };

void append_cased(std::string& out, std::string_view latin, Casing casing) {
  for (size_t i = 0; i < latin.size(); ++i) {
    const bool capital =
        casing == Casing::all_capitals || (casing == Casing::capital_first && i == 0);
    out += capital ? static_cast<char>(std::toupper(latin[i])) : latin[i];
  }
}

// A word: a run of letters [begin, end) in the decoded text.
struct Word {
  size_t begin;
  size_t end;
};

bool is_all_capitals(const std::vector<char32_t>& text, Word word) {
  if (word.end - word.begin < 2) return false;
  for (size_t i = word.begin; i < word.end; ++i) {
    if (is_lower(text[i]) ||
        (is_ascii_letter(text[i]) && std::islower(static_cast<int>(text[i])))) {
      return false;
    }
  }
  return true;
}

// "България" is the Act's one traditional exception: "Bulgaria".
bool is_bulgaria(const std::vector<char32_t>& text, Word word) {
  static constexpr std::array<char32_t, 8> kBalgariya = {0x0431, 0x044A, 0x043B, 0x0433,
                                                         0x0430, 0x0440, 0x0438, 0x044F};
  if (word.end - word.begin != kBalgariya.size()) return false;
  for (size_t i = 0; i < kBalgariya.size(); ++i) {
    if (to_lower(text[word.begin + i]) != kBalgariya[i]) return false;
  }
  return true;
}

void transliterate_word(const std::vector<char32_t>& text, Word word, std::string& out) {
  const bool capitals = is_all_capitals(text, word);
  auto casing_of = [&](char32_t c) {
    if (!is_upper(c)) return Casing::lower;
    return capitals ? Casing::all_capitals : Casing::capital_first;
  };
  if (is_bulgaria(text, word)) {
    append_cased(out, "bulgaria", casing_of(text[word.begin]));
    return;
  }
  for (size_t i = word.begin; i < word.end; ++i) {
    const char32_t c = text[i];
    if (!is_cyrillic_letter(c) || latin_of(to_lower(c)) == nullptr) {
      utf8::append(out, c);
      continue;
    }
    const bool final_iya =
        to_lower(c) == kSmallI && i + 2 == word.end && to_lower(text[i + 1]) == kSmallYaLetter;
    if (final_iya) {
      append_cased(out, "i", casing_of(c));
      append_cased(out, "a",
                   capitals && is_upper(text[i + 1]) ? Casing::all_capitals : Casing::lower);
      return;
    }
    append_cased(out, latin_of(to_lower(c)), casing_of(c));
  }
}

}  // namespace

std::string transliterate(std::string_view input) {
  std::vector<char32_t> text;
  text.reserve(input.size());
  for (size_t pos = 0; pos < input.size();) text.push_back(utf8::next(input, pos));

  std::string out;
  out.reserve(input.size());
  for (size_t i = 0; i < text.size();) {
    if (!is_letter(text[i])) {
      utf8::append(out, text[i++]);
      continue;
    }
    Word word{i, i};
    while (word.end < text.size() && is_letter(text[word.end])) ++word.end;
    transliterate_word(text, word, out);
    i = word.end;
  }
  return out;
}

}  // namespace civic
