// The first transliteration and search folding of civic/text.hpp (a decoded code point at a time,
// a token at a time), kept as the reference that text_equivalence_test.cpp holds the fast ones to.
#include "text_reference.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace civic::text_reference {

// Its pieces as they were, with UTF-8 decoding and encoding of its own.
namespace detail {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

char32_t next_code_point(std::string_view text, size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    ++pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + length > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) {
      ++pos;
      return 0xFFFD;
    }
    value = (value << 6) | (byte & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += length;
  return value;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

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
      append_utf8(out, c);
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

// Latin letters with háček, as in ISO 9 and Czech-style spellings ("Vitoša").
std::string_view hacek_digraph(char32_t c) {
  switch (c) {
    case 0x0161:
    case 0x0160: return "sh";  // š Š
    case 0x017E:
    case 0x017D: return "zh";  // ž Ž
    case 0x010D:
    case 0x010C: return "ch";  // č Č
    default: return {};
  }
}

bool is_separator(char32_t c) {
  if (c < 0x80) return !std::isalnum(static_cast<int>(c));
  return (c >= 0x2000 && c <= 0x206F) || c == 0x00AB || c == 0x00BB || c == 0x2116 ||
         c == 0x00A0;  // general punctuation, « », №, no-break space
}

// Lower-case tokens of the transliterated text, split at separators.
std::vector<std::string> tokens_of(std::string_view latin) {
  std::vector<std::string> tokens(1);
  for (size_t pos = 0; pos < latin.size();) {
    const char32_t c = next_code_point(latin, pos);
    if (is_separator(c)) {
      if (!tokens.back().empty()) tokens.emplace_back();
    } else if (auto digraph = hacek_digraph(c); !digraph.empty()) {
      tokens.back() += digraph;
    } else if (c < 0x80) {
      tokens.back() += static_cast<char>(std::tolower(static_cast<int>(c)));
    } else {
      append_utf8(tokens.back(), c);
    }
  }
  if (tokens.back().empty()) tokens.pop_back();
  return tokens;
}

void replace_all(std::string& token, std::string_view from, std::string_view to) {
  for (size_t at = token.find(from); at != std::string::npos;
       at = token.find(from, at + to.size())) {
    token.replace(at, from.size(), to);
  }
}

// Folds common alternative Latin spellings onto the official ones.
void fold_spelling(std::string& token) {
  replace_all(token, "w", "v");
  replace_all(token, "tz", "ts");
  // "c" is no letter of the official transliteration but in "ch": it stands for ц ("Lozenec").
  for (size_t at = token.find('c'); at != std::string::npos; at = token.find('c', at + 1)) {
    if (at + 1 == token.size() || token[at + 1] != 'h') token.replace(at, 1, "ts");
  }
  replace_all(token, "ja", "ya");
  replace_all(token, "ju", "yu");
  if (token.size() > 3 && token.compare(token.size() - 3, 3, "iya") == 0)
    token.replace(token.size() - 3, 3, "ia");
}

// Address words and their abbreviations, already transliterated, → one token.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kAddressWords = {{
    {"ul", "ul"},
    {"ulitsa", "ul"},
    {"bul", "bul"},
    {"bulevard", "bul"},
    {"pl", "pl"},
    {"ploshtad", "pl"},
    {"zhk", "zhk"},
    {"kv", "kv"},
    {"kvartal", "kv"},
    {"bl", "bl"},
    {"blok", "bl"},
    {"vh", "vh"},
    {"vhod", "vh"},
    {"et", "et"},
    {"etazh", "et"},
    {"ap", "ap"},
    {"apartament", "ap"},
}};

std::string_view address_word(std::string_view token) {
  for (const auto& [word, canonical] : kAddressWords) {
    if (token == word) return canonical;
  }
  return token;
}

}  // namespace detail

using namespace detail;

std::string transliterate(std::string_view input) {
  std::vector<char32_t> text;
  text.reserve(input.size());
  for (size_t pos = 0; pos < input.size();) text.push_back(next_code_point(input, pos));

  std::string out;
  out.reserve(input.size());
  for (size_t i = 0; i < text.size();) {
    if (!is_letter(text[i])) {
      append_utf8(out, text[i++]);
      continue;
    }
    Word word{i, i};
    while (word.end < text.size() && is_letter(text[word.end])) ++word.end;
    transliterate_word(text, word, out);
    i = word.end;
  }
  return out;
}

std::string fold_for_search(std::string_view text) {
  std::vector<std::string> tokens = tokens_of(transliterate(text));
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view token = tokens[i];
    const bool next_is = i + 1 < tokens.size();
    // "ж.к." → "zh k"; "жилищен комплекс" → "zhilishten kompleks": both "zhk".
    if (next_is && ((token == "zh" && tokens[i + 1] == "k") ||
                    (token == "zhilishten" && tokens[i + 1] == "kompleks"))) {
      token = "zhk";
      ++i;
    } else {
      fold_spelling(tokens[i]);
      token = address_word(tokens[i]);
    }
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

}  // namespace civic::text_reference
