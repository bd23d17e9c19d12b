#include <array>
#include <cstdint>
#include <cstring>

#include "civic/text.hpp"
#include "utf8.hpp"

namespace civic {

namespace {

constexpr char32_t kCyrillicFirst = 0x0400;
constexpr char32_t kCapitalA = 0x0410, kSmallA = 0x0430;
constexpr char32_t kCapitalIGrave = 0x040D, kSmallIGrave = 0x045D;
constexpr char32_t kSmallI = 0x0438, kSmallYa = 0x044F;

// A code point of U+0400..U+045F and what it is written as: its Latin ("sht"), capitalised for a
// capital letter ("Sht"); ы and э, not Bulgarian letters, as themselves.
struct CyrillicLetter {
  bool is_letter = false;
  bool is_upper = false;
  char16_t lowered = 0;  // the small letter's code point
  std::uint8_t size = 0;
  std::array<char, 3> written{};
};

// Latin for а..я (U+0430..U+044F) per the Act; ы and э have none.
constexpr std::array<std::string_view, 32> kLatin = {
    "a", "b", "v", "g", "d", "e", "zh", "z",  "i",  "y",   "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", "",  "y", "",  "yu", "ya"};

constexpr CyrillicLetter cyrillic_letter(char32_t code_point, char32_t lowered,
                                         std::string_view latin) {
  CyrillicLetter letter{true, code_point != lowered, static_cast<char16_t>(lowered), 2, {}};
  if (latin.empty()) {  // itself, in UTF-8
    letter.written[0] = static_cast<char>(0xC0 | (code_point >> 6));
    letter.written[1] = static_cast<char>(0x80 | (code_point & 0x3F));
    return letter;
  }
  letter.size = static_cast<std::uint8_t>(latin.size());
  for (size_t i = 0; i < latin.size(); ++i) letter.written[i] = latin[i];
  if (letter.is_upper) letter.written[0] = static_cast<char>(latin[0] - 'a' + 'A');
  return letter;
}

// Every code point of U+0400..U+045F; the letters are а..я, ѝ and their capitals.
constexpr std::array<CyrillicLetter, 0x60> kCyrillic = [] {
  std::array<CyrillicLetter, 0x60> table{};
  for (char32_t i = 0; i < kLatin.size(); ++i) {
    table[kCapitalA + i - kCyrillicFirst] = cyrillic_letter(kCapitalA + i, kSmallA + i, kLatin[i]);
    table[kSmallA + i - kCyrillicFirst] = cyrillic_letter(kSmallA + i, kSmallA + i, kLatin[i]);
  }
  table[kCapitalIGrave - kCyrillicFirst] = cyrillic_letter(kCapitalIGrave, kSmallIGrave, "i");
  table[kSmallIGrave - kCyrillicFirst] = cyrillic_letter(kSmallIGrave, kSmallIGrave, "i");
  return table;
}();

// The Cyrillic letter that `at` starts with (two bytes, D0 xx or D1 xx), or null.
const CyrillicLetter* cyrillic_at(const unsigned char* at, const unsigned char* end) {
  if ((at[0] != 0xD0 && at[0] != 0xD1) || end - at < 2 || (at[1] & 0xC0) != 0x80) return nullptr;
  const char32_t index = ((at[0] & 0x1Fu) << 6 | (at[1] & 0x3Fu)) - kCyrillicFirst;
  if (index >= kCyrillic.size() || !kCyrillic[index].is_letter) return nullptr;
  return &kCyrillic[index];
}

// "България" is the Act's one traditional exception: "Bulgaria".
bool is_bulgaria(const unsigned char* begin, const unsigned char* end) {
  static constexpr std::array<char32_t, 8> kBalgariya = {0x0431, 0x044A, 0x043B, 0x0433,
                                                         0x0430, 0x0440, 0x0438, 0x044F};
  if (end - begin != 2 * kBalgariya.size()) return false;
  for (const char32_t expected : kBalgariya) {
    const CyrillicLetter* letter = cyrillic_at(begin, end);
    if (letter == nullptr || letter->lowered != expected) return false;
    begin += 2;
  }
  return true;
}

// Transliterates into a buffer with room for it, a word (a run of Latin and Cyrillic letters)
// at a time: each letter is written as it is read, lower case or capitalised, and the word's
// rules are applied when it ends.
class Transliterator {
 public:
  explicit Transliterator(char* out) : out_(out) {}
  char* end() const { return out_; }

  void transliterate(const unsigned char* at, const unsigned char* end) {
    while (at < end) {
      if (const CyrillicLetter* letter = cyrillic_at(at, end)) {
        start_word(at);
        cyrillic(*letter);
        at += 2;
      } else if (const unsigned char c = *at; (c | 0x20u) - 'a' < 26) {
        start_word(at);
        latin(c);
        ++at;
      } else {
        end_word(at);
        at = other(at, end);
      }
    }
    end_word(at);
  }

 private:
  void start_word(const unsigned char* at) {
    if (word_.letters == 0) word_ = {at, out_};
    ++word_.letters;
  }

  void cyrillic(const CyrillicLetter& letter) {
    word_.has_lower = word_.has_lower || !letter.is_upper;
    word_.before_last = word_.last;
    word_.last = letter.lowered;
    word_.last_written = out_;
    std::memcpy(out_, letter.written.data(), letter.written.size());
    out_ += letter.size;
  }

  void latin(unsigned char c) {
    word_.has_lower = word_.has_lower || c >= 'a';
    word_.before_last = word_.last;
    word_.last = 0;
    *out_++ = static_cast<char>(c);
  }

  // Copies the character at `at`, not a letter; a malformed byte becomes U+FFFD.
  const unsigned char* other(const unsigned char* at, const unsigned char* end) {
    if (*at < 0x80) {
      *out_++ = static_cast<char>(*at);
      return at + 1;
    }
    size_t size = 0;
    if (utf8::next({reinterpret_cast<const char*>(at), static_cast<size_t>(end - at)}, size) ==
            utf8::kReplacement &&
        size == 1) {
      std::memcpy(out_, "\xEF\xBF\xBD", 3);
      out_ += 3;
    } else {
      std::memcpy(out_, at, size);
      out_ += size;
    }
    return at + size;
  }

  // The word's rules, once it ends at `end`: "България" → "Bulgaria", "ия" at its end → "ia",
  // and an all-capital word of two or more letters in capitals.
  void end_word(const unsigned char* end) {
    if (word_.letters == 0) return;
    if (word_.letters == 8 && is_bulgaria(word_.begin, end)) {
      std::memcpy(word_.written, "bulgaria", 8);
      if (cyrillic_at(word_.begin, end)->is_upper) word_.written[0] = 'B';
      out_ = word_.written + 8;
    } else if (word_.before_last == kSmallI && word_.last == kSmallYa) {
      out_ = word_.last_written;  // "ya" or "Ya" → "a"
      *out_++ = 'a';
    }
    if (word_.letters >= 2 && !word_.has_lower) {
      for (char* c = word_.written; c < out_; ++c) {
        if (*c >= 'a' && *c <= 'z') *c = static_cast<char>(*c - 'a' + 'A');
      }
    }
    word_ = {};
  }

  struct Word {
    const unsigned char* begin = nullptr;
    char* written = nullptr;  // where its transliteration starts
    size_t letters = 0;
    bool has_lower = false;
    char32_t before_last = 0, last = 0;  // small Cyrillic letters; 0 for Latin ones
    char* last_written = nullptr;        // where the last Cyrillic letter's Latin starts
  };

  char* out_;
  Word word_;
};

}  // namespace

std::string transliterate(std::string_view input) {
  // A two-byte letter gives at most three Latin letters; a malformed byte, three bytes of U+FFFD.
  std::string out(3 * input.size(), '\0');
  Transliterator transliterator(out.data());
  const auto* begin = reinterpret_cast<const unsigned char*>(input.data());
  transliterator.transliterate(begin, begin + input.size());
  out.resize(static_cast<size_t>(transliterator.end() - out.data()));
  return out;
}

}  // namespace civic
