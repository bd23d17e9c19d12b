#include "civic/strict_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "decimal_double.hpp"
#include "json_pointer.hpp"

namespace civic {

namespace {

using Json = nlohmann::ordered_json;

// Reads JSON text as nlohmann's sax_parse reads it, to the same value and, for text that is not
// JSON, the same byte where reading stopped, without the C library's strtod and snprintf.
// The text is read one token at a time as nlohmann's lexer does (a NUL byte where a token
// starts ends the input; a UTF-8 byte order mark at the start is skipped), and the document
// is built as nlohmann's parser builds it, without recursion. A strict reading also refuses
// repeated member names and too deep nesting, tracking the JSON pointer of the value being
// read.
//
// An object's members are gathered in movable pairs and the object built once, at its end
// (inserting each member as read would copy every member already read, values and all, at
// each growth of the object).
class Reader {
 public:
  // `max_depth` 0: lenient (nlohmann's parse: a repeated member keeps its first place and its
  // last value).
  Reader(std::string_view text, std::size_t max_depth) : text_(text), max_depth_(max_depth) {}

  // Reads the whole text: the value, or false (with the reason below) where reading stopped.
  bool read(Json& result);

  std::optional<std::string> duplicate;  // pointer of the first repeated member
  bool too_deep = false;
  std::size_t error_byte = 0;
  bool syntax_error = false;

 private:
  enum class Token {
    begin_array,
    end_array,
    begin_object,
    end_object,
    name_separator,
    value_separator,
    literal,  // true, false, null or a number: value_
    string,   // string_
    end_of_input,
    error
  };
  static constexpr int kEnd = -1;  // what get() reads past the end of the text

  struct Frame {
    bool array = false;
    Json::array_t items;                                // an array's items so far
    std::vector<std::pair<std::string, Json>> members;  // an object's members so far
    std::string key;                                    // the member being read
    std::set<std::string> names;  // strict: the names read so far; lenient: of a large object
  };

  // The lexer: pos_ counts the characters read, as nlohmann's chars_read_total does (reading
  // past the end counts too).
  int get() {
    const int c = pos_ < text_.size() ? static_cast<unsigned char>(text_[pos_]) : kEnd;
    ++pos_;
    return c;
  }
  Token scan();
  Token scan_literal(std::string_view rest, Json value);
  Token scan_string();
  Token scan_number(int first);
  bool next_bytes_in_range(std::initializer_list<int> ranges);
  int code_unit();

  // The parser.
  bool fail() {
    syntax_error = true;
    error_byte = pos_;
    return false;
  }
  bool skip_byte_order_mark();
  bool key();
  bool open(bool array);
  void close();
  void put(Json value);
  std::vector<std::pair<std::string, Json>>::iterator member_named(Frame& frame);
  bool strict() const { return max_depth_ != 0; }
  std::string path() const;

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string string_;
  Json value_;
  std::size_t max_depth_;
  std::vector<Frame> frames_;
  Json* result_ = nullptr;
};

Reader::Token Reader::scan() {
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

Reader::Token Reader::scan_literal(std::string_view rest, Json value) {
  for (const char expected : rest) {
    if (get() != expected) return Token::error;
  }
  value_ = std::move(value);
  return Token::literal;
}

// nlohmann's lexer's states, in order: an optional minus, an integer part (0 alone or without
// leading zeros), a fraction, an exponent; the character after the number is read again.
Reader::Token Reader::scan_number(int first) {
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
bool Reader::next_bytes_in_range(std::initializer_list<int> ranges) {
  const std::size_t start = pos_ - 1;
  for (auto range = ranges.begin(); range != ranges.end(); range += 2) {
    const int c = get();
    if (c < range[0] || c > range[1]) return false;
  }
  string_.append(text_.substr(start, pos_ - start));
  return true;
}

// The value of the 4 hex digits after "\u", or -1 after the first that is not one.
int Reader::code_unit() {
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

Reader::Token Reader::scan_string() {
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

std::string Reader::path() const {
  std::string out;
  for (const Frame& frame : frames_) {
    out += '/';
    out += frame.array ? std::to_string(frame.items.size()) : json_pointer_token(frame.key);
  }
  return out;
}

// Reads the member name in string_ and the ":" after it, then starts its value.
bool Reader::key() {
  Frame& frame = frames_.back();
  frame.key = std::move(string_);
  if (strict() && !frame.names.insert(frame.key).second) {
    duplicate = path();
    return false;
  }
  return scan() == Token::name_separator || fail();
}

bool Reader::open(bool array) {
  if (strict() && frames_.size() == max_depth_) {
    too_deep = true;
    return false;
  }
  frames_.push_back(Frame{array, {}, {}, {}, {}});
  return true;
}

void Reader::close() {
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  if (frame.array) return put(Json(std::move(frame.items)));
  Json::object_t object;
  object.reserve(frame.members.size());
  for (auto& [name, value] : frame.members) object.emplace_back(std::move(name), std::move(value));
  put(Json(std::move(object)));
}

// The member of the open object named frame.key, or end(): a linear search in a small
// object, a look-up of the names in a large one (strict readings refused repeats already).
std::vector<std::pair<std::string, Json>>::iterator Reader::member_named(Frame& frame) {
  auto& members = frame.members;
  constexpr std::size_t kSmall = 16;
  if (strict()) return members.end();
  if (members.size() >= kSmall) {
    if (frame.names.empty()) {
      for (const auto& member : members) frame.names.insert(member.first);
    }
    if (frame.names.insert(frame.key).second) return members.end();
  }
  return std::find_if(members.begin(), members.end(),
                      [&](const auto& member) { return member.first == frame.key; });
}

// Places a complete value: in the open array or object, or as the result.
void Reader::put(Json value) {
  if (frames_.empty()) {
    *result_ = std::move(value);
    return;
  }
  Frame& frame = frames_.back();
  if (frame.array) {
    frame.items.push_back(std::move(value));
    return;
  }
  const auto same = member_named(frame);
  if (same != frame.members.end()) {
    same->second = std::move(value);
  } else {
    frame.members.emplace_back(std::move(frame.key), std::move(value));
  }
}

bool Reader::skip_byte_order_mark() {
  if (get() == 0xEF) return get() == 0xBB && get() == 0xBF;
  --pos_;
  return true;
}

bool Reader::read(Json& result) {
  result_ = &result;
  Token token = skip_byte_order_mark() ? scan() : Token::error;
  for (;;) {
    // The value `token` starts: a whole one, or an array or object up to the start of its
    // first item's value (then read as any value).
    switch (token) {
      case Token::begin_array:
        if (!open(true)) return false;
        token = scan();
        if (token != Token::end_array) continue;
        close();
        break;
      case Token::begin_object:
        if (!open(false)) return false;
        token = scan();
        if (token != Token::end_object) {
          if (token != Token::string) return fail();
          if (!key()) return false;
          token = scan();
          continue;
        }
        close();
        break;
      case Token::literal:
        if (value_.is_number_float() && !std::isfinite(value_.get<double>())) return fail();
        put(std::move(value_));
        break;
      case Token::string: put(Json(std::move(string_))); break;
      default: return fail();
    }
    // After a value: the next item's value, or the ends of the arrays and objects it ends.
    for (;;) {
      if (frames_.empty()) return scan() == Token::end_of_input || fail();
      token = scan();
      if (token == Token::value_separator) {
        token = scan();
        if (!frames_.back().array) {
          if (token != Token::string) return fail();
          if (!key()) return false;
          token = scan();
        }
        break;
      }
      if (token != (frames_.back().array ? Token::end_array : Token::end_object)) return fail();
      close();
    }
  }
}

}  // namespace

Result<Json> parse_strict_json(std::string_view text, std::size_t max_depth) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    return Error{"json.bom",
                 "",
                 {"Текстът започва със знак за ред на байтовете (BOM)",
                  "The text starts with a byte order mark"},
                 {}};
  }
  Json result;
  Reader reader(text, max_depth);
  reader.read(result);
  if (reader.too_deep) {
    return Error{"json.too_deep",
                 "",
                 {"Текстът е вложен твърде дълбоко", "The text is nested too deeply"},
                 {{"max_depth", max_depth}}};
  }
  if (reader.duplicate) {
    return Error{"json.duplicate_key",
                 *reader.duplicate,
                 {"Повтарящо се име на поле в обект", "An object repeats a member name"},
                 {}};
  }
  if (reader.syntax_error) {
    return Error{"json.syntax",
                 "",
                 {"Текстът не е валиден JSON", "The text is not valid JSON"},
                 {{"byte", reader.error_byte}}};
  }
  return result;
}

Json parse_json(std::string_view text) {
  Json result;
  Reader reader(text, 0);
  if (!reader.read(result)) return Json(Json::value_t::discarded);
  return result;
}

}  // namespace civic
