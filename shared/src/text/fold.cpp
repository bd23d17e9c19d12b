#include <array>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "civic/text.hpp"
#include "utf8.hpp"

namespace civic {

namespace {

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
    const char32_t c = utf8::next(latin, pos);
    if (is_separator(c)) {
      if (!tokens.back().empty()) tokens.emplace_back();
    } else if (auto digraph = hacek_digraph(c); !digraph.empty()) {
      tokens.back() += digraph;
    } else if (c < 0x80) {
      tokens.back() += static_cast<char>(std::tolower(static_cast<int>(c)));
    } else {
      utf8::append(tokens.back(), c);
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

}  // namespace

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

}  // namespace civic
