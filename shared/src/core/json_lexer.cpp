// The JSON lexer of the core's reader (json_lexer.hpp): nlohmann's lexer's token rules.
#include "json_lexer.hpp"

#include <cstdint>
#include <utility>

#include "decimal_double.hpp"

namespace civic {

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

JsonLexer::Token JsonLexer::scan() {
  int c;
  do {
    c = get();
  } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
  switch (c) {
    case '[': return Token::begin_array;
    case ']': return Token::end_array;
    case '{': return Token::begin_object;
    case '}': return Token::end_object;
    case ':': return Token::name_separator;
    case ',': return Token::value_separator;
    case 't': return scan_literal("rue", Json(true));
    case 'f': return scan_literal("alse", Json(false));
    case 'n': return scan_literal("ull", Json(nullptr));
    case '"': return scan_string();
    case '\0':
    case kEnd: return Token::end_of_input;
    default: return c == '-' || (c >= '0' && c <= '9') ? scan_number(c) : Token::error;
  }
}

JsonLexer::Token JsonLexer::scan_literal(std::string_view rest, Json value) {
  for (const char expected : rest) {
    if (get() != expected) return Token::error;
  }
  value_ = std::move(value);
  return Token::literal;
}

// nlohmann's lexer's states, in order: an optional minus, an integer part (0 alone or without
// leading zeros), a fraction, an exponent; the character after the number is read again.
JsonLexer::Token JsonLexer::scan_number(int first) {
  const bool negative = first == '-';
  bool whole = true;    // no fraction, no exponent
  std::string digits;   // of the integer part and the fraction
  long long shift = 0;  // the decimal exponent of the last digit
  int c = negative ? get() : first;
  const auto is_digit = [](int ch) { return ch >= '0' && ch <= '9'; };
  if (!is_digit(c)) return Token::error;
  digits += static_cast<char>(c);
  c = get();
  if (digits[0] != '0') {
    for (; is_digit(c); c = get()) digits += static_cast<char>(c);
  }
  if (c == '.') {
    whole = false;
    if (!is_digit(c = get())) return Token::error;
    for (; is_digit(c); c = get()) {
      digits += static_cast<char>(c);
      --shift;
    }
  }
  if (c == 'e' || c == 'E') {
    whole = false;
    c = get();
    const bool below = c == '-';
    if (c == '+' || c == '-') c = get();
    if (!is_digit(c)) return Token::error;
    constexpr long long kFar = 1'000'000'000;  // beyond any double, either way
    long long exponent = 0;
    for (; is_digit(c); c = get()) {
      if (exponent < kFar) exponent = exponent * 10 + (c - '0');
    }
    shift += below ? -exponent : exponent;
  }
  --pos_;  // read the character after the number again
  if (whole) {
    std::uint64_t magnitude = 0;
    bool fits = true;
    for (const char digit : digits) {
      const auto d = static_cast<std::uint64_t>(digit - '0');
      fits = fits && magnitude <= (UINT64_MAX - d) / 10;
      magnitude = magnitude * 10 + d;
    }
    constexpr std::uint64_t kMostNegative = std::uint64_t{1} << 63;  // -INT64_MIN
    if (fits && !negative) {
      value_ = Json(magnitude);
      return Token::literal;
    }
    if (fits && magnitude <= kMostNegative) {
      value_ = Json(static_cast<std::int64_t>(0 - magnitude));
      return Token::literal;
    }
  }
  const double magnitude = decimal_double::to_double(digits, shift);
  value_ = Json(negative ? -magnitude : magnitude);
  return Token::literal;
}

// nlohmann's next_byte_in_range: each next byte within its [low, high] pair, else an error
// after it.
bool JsonLexer::next_bytes_in_range(std::initializer_list<int> ranges) {
  const std::size_t start = pos_ - 1;
  for (auto range = ranges.begin(); range != ranges.end(); range += 2) {
    const int c = get();
    if (c < range[0] || c > range[1]) return false;
  }
  string_.append(text_.substr(start, pos_ - start));
  return true;
}

// The value of the 4 hex digits after "\u", or -1 after the first that is not one.
int JsonLexer::code_unit() {
  int unit = 0;
  for (int i = 0; i < 4; ++i) {
    const int c = get();
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else {
      return -1;
    }
    unit = unit * 16 + digit;
  }
  return unit;
}

JsonLexer::Token JsonLexer::scan_string() {
  string_.clear();
  for (;;) {
    // A run of characters that stand for themselves.
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\') break;
      ++pos_;
    }
    string_.append(text_.substr(start, pos_ - start));
    const int c = get();
    if (c == '"') return Token::string;
    if (c == kEnd || c < 0x20) return Token::error;
    if (c == '\\') {
      const int escaped = get();
      switch (escaped) {
        case '"':
        case '\\':
        case '/': string_ += static_cast<char>(escaped); break;
        case 'b': string_ += '\b'; break;
        case 'f': string_ += '\f'; break;
        case 'n': string_ += '\n'; break;
        case 'r': string_ += '\r'; break;
        case 't': string_ += '\t'; break;
        case 'u': {
          long code_point = code_unit();
          if (code_point < 0) return Token::error;
          if (code_point >= 0xD800 && code_point <= 0xDBFF) {
            if (get() != '\\' || get() != 'u') return Token::error;
            const int low = code_unit();
            if (low < 0xDC00 || low > 0xDFFF) return Token::error;
            code_point = ((code_point - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
          } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
            return Token::error;
          }
          const auto byte = [](long bits) { return static_cast<char>(bits); };
          if (code_point < 0x80) {
            string_ += byte(code_point);
          } else if (code_point < 0x800) {
            string_ += byte(0xC0 | (code_point >> 6));
            string_ += byte(0x80 | (code_point & 0x3F));
          } else if (code_point < 0x10000) {
            string_ += byte(0xE0 | (code_point >> 12));
            string_ += byte(0x80 | ((code_point >> 6) & 0x3F));
            string_ += byte(0x80 | (code_point & 0x3F));
          } else {
            string_ += byte(0xF0 | (code_point >> 18));
            string_ += byte(0x80 | ((code_point >> 12) & 0x3F));
            string_ += byte(0x80 | ((code_point >> 6) & 0x3F));
            string_ += byte(0x80 | (code_point & 0x3F));
          }
          break;
        }
        default: return Token::error;
      }
      continue;
    }
    // UTF-8 as RFC 3629 allows it (nlohmann's ranges).
    bool ok;
    if (c >= 0xC2 && c <= 0xDF) {
      ok = next_bytes_in_range({0x80, 0xBF});
    } else if (c == 0xE0) {
      ok = next_bytes_in_range({0xA0, 0xBF, 0x80, 0xBF});
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      ok = next_bytes_in_range({0x80, 0xBF, 0x80, 0xBF});
    } else if (c == 0xED) {
      ok = next_bytes_in_range({0x80, 0x9F, 0x80, 0xBF});
    } else if (c == 0xF0) {
      ok = next_bytes_in_range({0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
    } else if (c >= 0xF1 && c <= 0xF3) {
      ok = next_bytes_in_range({0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
    } else if (c == 0xF4) {
      ok = next_bytes_in_range({0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF});
    } else {
      ok = false;
    }
    if (!ok) return Token::error;
  }
}

bool JsonLexer::skip_byte_order_mark() {
  if (get() == 0xEF) return get() == 0xBB && get() == 0xBF;
  --pos_;
  return true;
}

}  // namespace civic
