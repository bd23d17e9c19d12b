#include "civic/strict_json.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "json_lexer.hpp"
#include "json_pointer.hpp"

namespace civic {

namespace {

using Json = nlohmann::ordered_json;

// Reads JSON text as nlohmann's sax_parse reads it, to the same value and, for text that is not
// JSON, the same byte where reading stopped, without the C library's strtod and snprintf.
// The text is read one token at a time (JsonLexer; a UTF-8 byte order mark at the start is
// skipped), and the document is built as nlohmann's parser builds it, without recursion. A
// strict reading also refuses repeated member names and too deep nesting, tracking the JSON
// pointer of the value being read.
//
// An object's members are gathered in movable pairs and the object built once, at its end
// (inserting each member as read would copy every member already read, values and all, at
// each growth of the object).
class Reader {
 public:
  // `max_depth` 0: lenient (nlohmann's parse: a repeated member keeps its first place and its
  // last value).
  Reader(std::string_view text, std::size_t max_depth) : lexer_(text), max_depth_(max_depth) {}

  // Reads the whole text: the value, or false (with the reason below) where reading stopped.
  bool read(Json& result);

  std::optional<std::string> duplicate;  // pointer of the first repeated member
  bool too_deep = false;
  std::size_t error_byte = 0;
  bool syntax_error = false;

 private:
  using Token = JsonLexer::Token;

  struct Frame {
    bool array = false;
    Json::array_t items;                                // an array's items so far
    std::vector<std::pair<std::string, Json>> members;  // an object's members so far
    std::string key;                                    // the member being read
    std::set<std::string> names;  // strict: the names read so far; lenient: of a large object
  };

  Token scan() { return lexer_.scan(); }
  bool fail() {
    syntax_error = true;
    error_byte = lexer_.position();
    return false;
  }
  bool key();
  bool open(bool array);
  void close();
  void put(Json value);
  std::vector<std::pair<std::string, Json>>::iterator member_named(Frame& frame);
  bool strict() const { return max_depth_ != 0; }
  std::string path() const;

  JsonLexer lexer_;
  std::size_t max_depth_;
  std::vector<Frame> frames_;
  Json* result_ = nullptr;
};

std::string Reader::path() const {
  std::string out;
  for (const Frame& frame : frames_) {
    out += '/';
    out += frame.array ? std::to_string(frame.items.size()) : json_pointer_token(frame.key);
  }
  return out;
}

// Reads the member name the lexer read and the ":" after it, then starts its value.
bool Reader::key() {
  Frame& frame = frames_.back();
  frame.key = std::move(lexer_.string());
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

bool Reader::read(Json& result) {
  result_ = &result;
  Token token = lexer_.skip_byte_order_mark() ? scan() : Token::error;
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
        if (lexer_.literal().is_number_float() && !std::isfinite(lexer_.literal().get<double>())) {
          return fail();
        }
        put(std::move(lexer_.literal()));
        break;
      case Token::string: put(Json(std::move(lexer_.string()))); break;
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
