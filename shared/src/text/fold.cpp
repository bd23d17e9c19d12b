#include <array>
#include <cstring>
#include <string_view>

#include "civic/text.hpp"
#include "utf8.hpp"

namespace civic {

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_separator(char32_t c) {
  if (c < 0x80) return !is_ascii_alnum(static_cast<char>(c));
  return (c >= 0x2000 && c <= 0x206F) || c == 0x00AB || c == 0x00BB || c == 0x2116 ||
         c == 0x00A0;  // general punctuation, « », №, no-break space
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

// What an ASCII capital letter is lowered to.
constexpr std::string_view kLowerCase = "abcdefghijklmnopqrstuvwxyz";

// Rewrites the transliterated text [begin, end) in place as its lower-case tokens, split at
// separators and joined by single spaces (no token is longer than the text it came from); returns
// the new end.
char* keep_lowered_tokens(char* begin, const char* end) {
  char* to = begin;
  bool separated = false;  // by a separator since the last token character
  for (const char* from = begin; from < end;) {
    const char c = *from;
    size_t size = 1;
    const char* kept = from;  // what the token keeps of the character, `size` bytes
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!is_ascii_alnum(c)) {
        kept = nullptr;
      } else if (c >= 'A' && c <= 'Z') {
        kept = &kLowerCase[c - 'A'];
      }
    } else {
      size = 0;
      const char32_t code_point = utf8::next({from, static_cast<size_t>(end - from)}, size);
      if (is_separator(code_point)) {
        kept = nullptr;
      } else if (auto digraph = hacek_digraph(code_point); !digraph.empty()) {
        kept = digraph.data();  // as long as the letter's two bytes
      }
    }
    from += size;
    if (kept == nullptr) {
      separated = true;
      continue;
    }
    if (separated && to != begin) *to++ = ' ';
    separated = false;
    for (size_t i = 0; i < size; ++i) *to++ = kept[i];  // forward, to a place not after it
  }
  return to;
}

// Writes `token` at `out` with common alternative Latin spellings folded onto the official ones:
// w → v, tz → ts, c → ts (it is no letter of the official transliteration but in "ch": it stands
// for ц, "Lozenec"), ja → ya, ju → yu, and "iya" at the end of a token of four or more letters →
// "ia"; returns the end of what it wrote (at most twice as long as `token`).
char* write_spelling_folded(std::string_view token, char* out) {
  char* const begin = out;
  const char* const end = token.data() + token.size();
  for (const char* at = token.data(); at < end; ++at) {
    const char next = at + 1 < end ? at[1] : '\0';
    if (*at == 'w') {
      *out++ = 'v';
    } else if ((*at == 't' && next == 'z') || (*at == 'j' && (next == 'a' || next == 'u'))) {
      *out++ = *at == 't' ? 't' : 'y';
      *out++ = *at == 't' ? 's' : next;
      ++at;
    } else if (*at == 'c' && next != 'h') {
      *out++ = 't';
      *out++ = 's';
    } else {
      *out++ = *at;
    }
  }
  if (out - begin > 3 && out[-3] == 'i' && out[-2] == 'y' && out[-1] == 'a') {
    out[-2] = 'a';
    --out;
  }
  return out;
}

// Address words and their abbreviations, already transliterated, → one token.
struct AddressWord {
  std::string_view word;
  std::string_view canonical;
};
constexpr std::array<AddressWord, 17> kAddressWords = {{
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

bool same(const char* begin, const char* end, std::string_view word) {
  return static_cast<size_t>(end - begin) == word.size() &&
         std::memcmp(begin, word.data(), word.size()) == 0;
}
bool same(std::string_view a, std::string_view b) { return same(a.data(), a.data() + a.size(), b); }

// Replaces an address word [begin, end) by its one token; returns the token's end.
char* canonicalise_address_word(char* begin, char* end) {
  if (end - begin > 10) return end;  // longer than any ("apartament")
  for (const AddressWord& address : kAddressWords) {
    if (same(begin, end, address.word)) {
      std::memcpy(begin, address.canonical.data(), address.canonical.size());
      return begin + address.canonical.size();
    }
  }
  return end;
}

// The next token of single-space separated tokens from `at` to `end`; advances `at` past it.
std::string_view next_token(const char*& at, const char* end) {
  const char* begin = at;
  while (at < end && *at != ' ') ++at;
  const std::string_view token(begin, static_cast<size_t>(at - begin));
  if (at < end) ++at;
  return token;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  using namespace std::string_view_literals;
  std::string tokens = transliterate(text);
  const char* at = tokens.data();
  const char* const end = keep_lowered_tokens(tokens.data(), at + tokens.size());
  std::string out(2 * static_cast<size_t>(end - at), '\0');  // see write_spelling_folded
  char* const out_begin = out.data();
  char* written = out_begin;
  for (std::string_view token = next_token(at, end); !token.empty();) {
    const std::string_view next = next_token(at, end);
    if (written != out_begin) *written++ = ' ';
    // "ж.к." → "zh k"; "жилищен комплекс" → "zhilishten kompleks": both "zhk".
    if ((same(token, "zh"sv) && same(next, "k"sv)) ||
        (same(token, "zhilishten"sv) && same(next, "kompleks"sv))) {
      std::memcpy(written, "zhk", 3);
      written += 3;
      token = next_token(at, end);
      continue;
    }
    char* const begin = written;
    written = canonicalise_address_word(begin, write_spelling_folded(token, begin));
    token = next;
  }
  out.resize(static_cast<size_t>(written - out_begin));
  return out;
}

}  // namespace civic
