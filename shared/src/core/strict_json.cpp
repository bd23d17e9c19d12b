#include "civic/strict_json.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "json_pointer.hpp"

namespace civic {

namespace {

using Json = nlohmann::ordered_json;

// A document builder for nlohmann's SAX parser (what Json::parse runs, for both readings, so
// the module carries one JSON parser, and a strict reading reads the text once). A strict
// reading also refuses repeated member names and too deep nesting, tracking the JSON pointer
// of the value being read.
//
// nlohmann's own builder inserts each member into its object as the name is read; the object
// (a vector of pair<const string, Json>) then grows by copying its members, values and all,
// so every member after a large one copied the large one again. This one gathers an object's
// members in movable pairs and builds the object once, at its end.
class Reader {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  // `max_depth` 0: lenient (nlohmann's parse: a repeated member keeps its first place and its
  // last value).
  Reader(Json& result, std::size_t max_depth) : result_(result), max_depth_(max_depth) {}

  std::optional<std::string> duplicate;  // pointer of the first repeated member
  bool too_deep = false;
  std::size_t error_byte = 0;
  bool syntax_error = false;

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool b) { return put(Json(b)); }
  bool number_integer(number_integer_t n) { return put(Json(n)); }
  bool number_unsigned(number_unsigned_t n) { return put(Json(n)); }
  bool number_float(number_float_t n, const string_t& /*text*/) { return put(Json(n)); }
  bool string(string_t& s) { return put(Json(std::move(s))); }  // the parser allows the move
  bool binary(binary_t& b) { return put(Json(std::move(b))); }
  bool start_object(std::size_t /*size*/) { return open(false); }
  bool start_array(std::size_t /*size*/) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t& name) {
    Frame& frame = frames_.back();
    frame.key = std::move(name);
    if (strict() && !frame.names.insert(frame.key).second) {
      duplicate = path();
      return false;
    }
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const Exception& /*ex*/) {
    syntax_error = true;
    error_byte = position;
    return false;
  }

 private:
  struct Frame {
    bool array = false;
    Json::array_t items;                                // an array's items so far
    std::vector<std::pair<std::string, Json>> members;  // an object's members so far
    std::string key;                                    // the member being read
    std::set<std::string> names;                        // strict: the names read so far
  };

  bool strict() const { return max_depth_ != 0; }
  std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      out += '/';
      out += frame.array ? std::to_string(frame.items.size()) : json_pointer_token(frame.key);
    }
    return out;
  }
  bool open(bool array) {
    if (strict() && frames_.size() == max_depth_) {
      too_deep = true;
      return false;
    }
    frames_.push_back(Frame{array, {}, {}, {}, {}});
    return true;
  }
  bool close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.array) return put(Json(std::move(frame.items)));
    Json::object_t object;
    object.reserve(frame.members.size());
    for (auto& [name, value] : frame.members)
      object.emplace_back(std::move(name), std::move(value));
    return put(Json(std::move(object)));
  }
  // Places a complete value: in the open array or object, or as the result.
  bool put(Json value) {
    if (frames_.empty()) {
      result_ = std::move(value);
      return true;
    }
    Frame& frame = frames_.back();
    if (frame.array) {
      frame.items.push_back(std::move(value));
      return true;
    }
    const auto same = std::find_if(frame.members.begin(), frame.members.end(),
                                   [&](const auto& member) { return member.first == frame.key; });
    if (same != frame.members.end()) {
      same->second = std::move(value);
    } else {
      frame.members.emplace_back(std::move(frame.key), std::move(value));
    }
    return true;
  }

  Json& result_;
  std::size_t max_depth_;
  std::vector<Frame> frames_;
};

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
  Reader reader(result, max_depth);
  Json::sax_parse(text, &reader);
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
  Reader reader(result, 0);
  if (!Json::sax_parse(text, &reader) || reader.syntax_error) return Json(Json::value_t::discarded);
  return result;
}

}  // namespace civic
