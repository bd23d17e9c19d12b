// The tokens of JSON text, one at a time, as nlohmann's lexer reads them (internal to
// civic_core; strict_json.cpp builds values from them):
//
//   JsonLexer lexer(R"({"a": 1.5})");
//   lexer.scan();  // Token::begin_object
//   lexer.scan();  // Token::string, lexer.string() == "a"
//
// Whitespace is skipped; a NUL byte where a token starts ends the input; numbers are read
// exactly (decimal_double, not strtod) into the same integer, unsigned or float value
// nlohmann gives; strings are checked UTF-8 with their escapes decoded.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace civic {

class JsonLexer {
 public:
  enum class Token {
    begin_array,
    end_array,
    begin_object,
    end_object,
    name_separator,
    value_separator,
    literal,  // true, false, null or a number: literal()
    string,   // string()
    end_of_input,
    error
  };

  explicit JsonLexer(std::string_view text) : text_(text) {}

  // The next token.
  Token scan();
  // Skips a UTF-8 byte order mark at the start of the text; false for one cut short.
  bool skip_byte_order_mark();

  // The value of the last Token::literal and the text of the last Token::string, for the
  // reader to move out.
  nlohmann::ordered_json& literal() { return value_; }
  std::string& string() { return string_; }

  // The characters read so far, as nlohmann's chars_read_total counts them (reading past the
  // end counts too): after Token::error, the byte where reading stopped.
  std::size_t position() const { return pos_; }

 private:
  static constexpr int kEnd = -1;  // what get() reads past the end of the text

  int get() {
    const int c = pos_ < text_.size() ? static_cast<unsigned char>(text_[pos_]) : kEnd;
    ++pos_;
    return c;
  }
  Token scan_literal(std::string_view rest, nlohmann::ordered_json value);
  Token scan_string();
  Token scan_number(int first);
  bool next_bytes_in_range(std::initializer_list<int> ranges);
  int code_unit();

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string string_;
  nlohmann::ordered_json value_;
};

}  // namespace civic
