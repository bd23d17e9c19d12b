// Splits expression source into tokens (internal to the expr module).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "civic/expr.hpp"

namespace civic::expr::detail {

enum class Token : std::uint8_t {
  end,
  number,
  string,
  date,
  name,
  left_paren,
  right_paren,
  left_bracket,
  right_bracket,
  comma,
  dot,
  plus,
  minus,
  star,
  slash,
  percent,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  bad,  // a character that starts no token
};

// A short description of a token kind for "expected"/"found" params ("a number", "\")\"").
const char* describe(Token token);

struct Lexeme {
  Token token = Token::end;
  std::uint32_t begin = 0, end = 0;
  std::string text;  // the name
  Value value;       // number, string or date
};

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}
  // The next token; errors expr.unterminated_string, expr.bad_number, expr.bad_date.
  Result<Lexeme> next();

 private:
  Result<Lexeme> number(std::uint32_t begin);
  Result<Lexeme> string(std::uint32_t begin, char quote);
  Result<Lexeme> date(std::uint32_t begin);
  std::string_view source_;
  std::size_t pos_ = 0;
};

}  // namespace civic::expr::detail
