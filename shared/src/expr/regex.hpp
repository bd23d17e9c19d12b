// A small, bounded regular-expression engine (internal to the expr module).
//
// Patterns match the whole text, over Unicode code points of UTF-8 input. Syntax: literals,
// `.`, classes `[a-zА-Я]` / `[^0-9]`, escapes `\d \D \w \W \s \S` and `\` before any other
// character, groups `( )`, alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (m <= 100), and a
// leading `^` / trailing `$` (accepted, as matching is always whole-text).
// Matching is a Pike VM: time linear in text length × pattern size, no backtracking, no
// recursion, and every unit of work is charged to a caller's budget.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civic/result.hpp"

namespace civic::expr::regex {

struct Instruction {
  enum class Op : std::uint8_t { character, any, set, split, jump, match };
  Op op = Op::match;
  bool negated = false;  // for set
  char32_t character = 0;
  std::uint32_t x = 0;  // set index, or jump / first split target
  std::uint32_t y = 0;  // second split target
};

struct Range {
  char32_t low;
  char32_t high;
};

class Regex {
 public:
  // Errors: expr.bad_regex, params {"position": byte offset in the pattern, "expected"}.
  static Result<Regex> compile(std::string_view pattern);

  // True when the whole of `text` matches; nullopt when `budget` ran out first. Each thread
  // step costs one unit of `budget`.
  std::optional<bool> matches(std::string_view text, std::uint32_t& budget) const;

  std::size_t size() const { return program_.size(); }

 private:
  friend class Compiler;
  std::vector<Instruction> program_;
  std::vector<std::vector<Range>> sets_;
};

}  // namespace civic::expr::regex
