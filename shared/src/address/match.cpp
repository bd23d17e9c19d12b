#include "match.hpp"

namespace civic::address {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `key` starts with `query` give or take one typo.
bool prefix_within_one_edit(std::string_view key, std::string_view query) {
  // One edit keeps the first letter, or moves the second into first place or back.
  if (key.size() >= 2 && query.size() >= 2 && key[0] != query[0] && key[1] != query[1] &&
      key[0] != query[1] && key[1] != query[0]) {
    return false;
  }
  size_t i = 0;
  while (i < query.size() && i < key.size() && query[i] == key[i]) ++i;
  if (i == query.size()) return true;
  const auto rest = [&](size_t in_query, size_t in_key) {
    return in_key <= key.size() && key.substr(in_key).starts_with(query.substr(in_query));
  };
  if (i < key.size() && (rest(i + 1, i + 1) || rest(i, i + 1))) return true;  // changed, missing
  if (rest(i + 1, i)) return true;                                            // added
  return i + 1 < query.size() && i + 1 < key.size() && query[i] == key[i + 1] &&
         query[i + 1] == key[i] && rest(i + 2, i + 2);  // swapped
}

std::string_view digits_at(std::string_view text, size_t& pos) {
  const size_t from = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  std::string_view digits = text.substr(from, pos - from);
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  return digits;
}

}  // namespace

int rank_in(std::string_view key, std::string_view query, std::string_view::size_type end) {
  int best = 3;
  for (size_t at = key.find(query); at != std::string_view::npos && at < end;
       at = key.find(query, at + 1)) {
    if (at == 0) return 0;
    if (key[at - 1] == ' ') return 1;
    best = 2;
  }
  return best;
}

bool one_typo_from(std::string_view key, std::string_view query) {
  for (size_t at = 0; at < key.size(); at = key.find(' ', at) + 1) {
    if (prefix_within_one_edit(key.substr(at), query)) return true;
    if (key.find(' ', at) == std::string_view::npos) break;
  }
  return false;
}

bool natural_less(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      const std::string_view x = digits_at(a, i);
      const std::string_view y = digits_at(b, j);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

}  // namespace civic::address
