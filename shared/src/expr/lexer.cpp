#include "lexer.hpp"

#include "errors.hpp"

namespace civic::expr::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

}  // namespace

const char* describe(Token token) {
  switch (token) {
    case Token::end: return "the end";
    case Token::number: return "a number";
    case Token::string: return "a text in quotes";
    case Token::date: return "a date";
    case Token::name: return "a name";
    case Token::left_paren: return "\"(\"";
    case Token::right_paren: return "\")\"";
    case Token::left_bracket: return "\"[\"";
    case Token::right_bracket: return "\"]\"";
    case Token::comma: return "\",\"";
    case Token::dot: return "\".\"";
    case Token::plus: return "\"+\"";
    case Token::minus: return "\"-\"";
    case Token::star: return "\"*\"";
    case Token::slash: return "\"/\"";
    case Token::percent: return "\"%\"";
    case Token::equal: return "\"==\"";
    case Token::not_equal: return "\"!=\"";
    case Token::less: return "\"<\"";
    case Token::less_equal: return "\"<=\"";
    case Token::greater: return "\">\"";
    case Token::greater_equal: return "\">=\"";
    case Token::bad: return "a character that is not part of the language";
  }
  return "";
}

Result<Lexeme> Lexer::next() {
  while (pos_ < source_.size() && (source_[pos_] == ' ' || source_[pos_] == '\t' ||
                                   source_[pos_] == '\n' || source_[pos_] == '\r')) {
    ++pos_;
  }
  const auto begin = static_cast<std::uint32_t>(pos_);
  Lexeme lexeme;
  lexeme.begin = begin;
  if (pos_ >= source_.size()) {
    lexeme.end = begin;
    return lexeme;
  }
  const char c = source_[pos_];
  if (is_digit(c)) return number(begin);
  if (c == '"' || c == '\'') return string(begin, c);
  if (c == '@') return date(begin);
  if (is_name_start(c)) {
    while (pos_ < source_.size() && is_name_char(source_[pos_])) ++pos_;
    lexeme.token = Token::name;
    lexeme.text = std::string(source_.substr(begin, pos_ - begin));
    lexeme.end = static_cast<std::uint32_t>(pos_);
    return lexeme;
  }
  const char following = pos_ + 1 < source_.size() ? source_[pos_ + 1] : '\0';
  std::size_t length = 1;
  switch (c) {
    case '(': lexeme.token = Token::left_paren; break;
    case ')': lexeme.token = Token::right_paren; break;
    case '[': lexeme.token = Token::left_bracket; break;
    case ']': lexeme.token = Token::right_bracket; break;
    case ',': lexeme.token = Token::comma; break;
    case '.': lexeme.token = Token::dot; break;
    case '+': lexeme.token = Token::plus; break;
    case '-': lexeme.token = Token::minus; break;
    case '*': lexeme.token = Token::star; break;
    case '/': lexeme.token = Token::slash; break;
    case '%': lexeme.token = Token::percent; break;
    case '=':
      lexeme.token = following == '=' ? Token::equal : Token::bad;
      length = following == '=' ? 2 : 1;
      break;
    case '!':
      lexeme.token = following == '=' ? Token::not_equal : Token::bad;
      length = following == '=' ? 2 : 1;
      break;
    case '<':
      lexeme.token = following == '=' ? Token::less_equal : Token::less;
      length = following == '=' ? 2 : 1;
      break;
    case '>':
      lexeme.token = following == '=' ? Token::greater_equal : Token::greater;
      length = following == '=' ? 2 : 1;
      break;
    default: lexeme.token = Token::bad; break;
  }
  pos_ += length;
  lexeme.end = static_cast<std::uint32_t>(pos_);
  return lexeme;
}

Result<Lexeme> Lexer::number(std::uint32_t begin) {
  while (pos_ < source_.size() && is_digit(source_[pos_])) ++pos_;
  if (pos_ < source_.size() && source_[pos_] == '.') {
    ++pos_;
    while (pos_ < source_.size() && is_digit(source_[pos_])) ++pos_;
  }
  while (pos_ < source_.size() && is_name_char(source_[pos_])) ++pos_;  // "12abc" is one bad number
  const std::string_view text = source_.substr(begin, pos_ - begin);
  auto number = Decimal::parse(text);
  if (!number) return expr_error("expr.bad_number", begin, "a number with at most 6 decimals");
  Lexeme lexeme;
  lexeme.token = Token::number;
  lexeme.begin = begin;
  lexeme.end = static_cast<std::uint32_t>(pos_);
  lexeme.value = Value::number(*number);
  return lexeme;
}

Result<Lexeme> Lexer::string(std::uint32_t begin, char quote) {
  ++pos_;
  std::string text;
  while (pos_ < source_.size() && source_[pos_] != quote) {
    char c = source_[pos_++];
    if (c == '\\' && pos_ < source_.size()) {
      c = source_[pos_++];
      if (c == 'n') c = '\n';
      if (c == 't') c = '\t';
    }
    text += c;
  }
  if (pos_ >= source_.size()) {
    return expr_error("expr.unterminated_string", begin, quote == '"' ? "\"" : "'");
  }
  ++pos_;
  Lexeme lexeme;
  lexeme.token = Token::string;
  lexeme.begin = begin;
  lexeme.end = static_cast<std::uint32_t>(pos_);
  lexeme.value = Value::string(std::move(text));
  return lexeme;
}

Result<Lexeme> Lexer::date(std::uint32_t begin) {
  ++pos_;
  while (pos_ < source_.size() && (is_digit(source_[pos_]) || source_[pos_] == '-')) ++pos_;
  auto date = parse_iso_date(source_.substr(begin + 1, pos_ - begin - 1));
  if (!date) return expr_error("expr.bad_date", begin, "a real date @YYYY-MM-DD");
  Lexeme lexeme;
  lexeme.token = Token::date;
  lexeme.begin = begin;
  lexeme.end = static_cast<std::uint32_t>(pos_);
  lexeme.value = Value::date(*date);
  return lexeme;
}

}  // namespace civic::expr::detail
