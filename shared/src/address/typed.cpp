// Reading what a citizen typed into the address finder (read_typed).
#include <array>
#include <string>
#include <vector>

#include "../text/utf8.hpp"
#include "civic/address.hpp"
#include "civic/text.hpp"

namespace civic::address {

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_word_char(char32_t c) {
  if (c < 0x80) return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return !(c >= 0x2000 && c <= 0x206F) && c != 0x00AB && c != 0x00BB && c != 0x2116 &&
         c != 0x00A0 && c != utf8::kReplacement;  // punctuation, « », №, no-break space
}

// The words of `text` as typed; a number glued after letters is a word of its own
// ("бл12" → "бл", "12"), letters after a number are not ("12А").
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words(1);
  bool last_digit = false;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = utf8::next(text, pos);
    if (!is_word_char(c)) {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    if (is_digit(c) && !last_digit && !words.back().empty()) words.emplace_back();
    last_digit = is_digit(c);
    utf8::append(words.back(), c);
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

struct Word {
  std::string typed;
  std::string folded;
};

// Each word with its folded form; two words that fold to one token are one ("ж.к." → "zhk").
std::vector<Word> folded_words(std::string_view text) {
  const std::vector<std::string> typed = words_of(text);
  std::vector<Word> out;
  for (size_t i = 0; i < typed.size(); ++i) {
    if (i + 1 < typed.size()) {
      std::string pair = fold_for_search(typed[i] + " " + typed[i + 1]);
      if (pair.find(' ') == std::string::npos) {
        out.push_back({typed[i] + typed[i + 1], std::move(pair)});
        ++i;
        continue;
      }
    }
    out.push_back({typed[i], fold_for_search(typed[i])});
  }
  return out;
}

constexpr std::array<std::string_view, 5> kPrefixes = {"ul", "bul", "pl", "zhk", "kv"};

// The part a marker word introduces ("bl" → block), or null.
std::string* part_of(std::string_view marker, TypedAddress& out) {
  if (marker == "bl") return &out.block;
  if (marker == "vh") return &out.entrance;
  if (marker == "et") return &out.floor;
  if (marker == "ap") return &out.apartment;
  return nullptr;
}

bool starts_with_digit(std::string_view word) { return !word.empty() && is_digit(word[0]); }

// A marker's value: a number, or for an entrance also one letter.
bool is_value_for(const std::string* part, const TypedAddress& out, const Word& word) {
  if (starts_with_digit(word.typed)) return true;
  size_t pos = 0;
  utf8::next(word.typed, pos);
  return part == &out.entrance && pos == word.typed.size();
}

}  // namespace

TypedAddress read_typed(std::string_view text) {
  TypedAddress out;
  std::vector<std::string> name;
  bool parts_seen = false;
  const std::vector<Word> words = folded_words(text);
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (std::string* part = part_of(word.folded, out)) {
      const bool valued = i + 1 < words.size() && is_value_for(part, out, words[i + 1]);
      if (valued || i + 1 == words.size()) {  // "бл. 12", or "бл." with its number to come
        if (part == &out.block) out.blocks_only = true;
        if (valued && part->empty()) {
          *part = part == &out.floor ? words[i + 1].typed : normalise_number(words[i + 1].typed);
        }
        parts_seen = parts_seen || valued;
        i += valued ? 1 : 0;
        continue;
      }
    }
    if (starts_with_digit(word.typed)) {
      if (out.number.empty()) out.number = normalise_number(word.typed);
      parts_seen = true;
    } else if (!parts_seen || name.empty()) {
      name.push_back(word.folded);
    }
  }
  size_t first = 0;
  if (name.size() >= 2) {
    for (std::string_view prefix : kPrefixes) {
      if (name[0] == prefix) out.prefix = name[first++];
    }
  }
  for (size_t i = first; i < name.size(); ++i) {
    if (!out.name.empty()) out.name += ' ';
    out.name += name[i];
  }
  return out;
}

}  // namespace civic::address
