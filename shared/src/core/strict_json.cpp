#include "civic/strict_json.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "json_pointer.hpp"

namespace civic {

namespace {

using Json = nlohmann::ordered_json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<Json>;

// nlohmann's own document builder (what Json::parse runs without a callback), which a strict
// reading extends: it also refuses repeated member names and too deep nesting, tracking the
// JSON pointer of the value being read. Both readings go through this one class, so the
// module carries one JSON parser, and a strict reading reads the text once.
class Reader : public DomBuilder {
 public:
  // `max_depth` 0: lenient (nlohmann's parse: a repeated member keeps its last value).
  Reader(Json& result, std::size_t max_depth)
      : DomBuilder(result, /*allow_exceptions_=*/false), max_depth_(max_depth) {}

  std::optional<std::string> duplicate;  // pointer of the first repeated member
  bool too_deep = false;
  std::size_t error_byte = 0;
  bool syntax_error = false;

  bool null() { return value() && DomBuilder::null(); }
  bool boolean(bool b) { return value() && DomBuilder::boolean(b); }
  bool number_integer(number_integer_t n) { return value() && DomBuilder::number_integer(n); }
  bool number_unsigned(number_unsigned_t n) { return value() && DomBuilder::number_unsigned(n); }
  bool number_float(number_float_t n, const string_t& s) {
    return value() && DomBuilder::number_float(n, s);
  }
  bool string(string_t& s) { return value() && DomBuilder::string(s); }
  bool binary(binary_t& b) { return value() && DomBuilder::binary(b); }
  bool start_object(std::size_t n) { return open(false) && DomBuilder::start_object(n); }
  bool start_array(std::size_t n) { return open(true) && DomBuilder::start_array(n); }
  bool end_object() { return close() && DomBuilder::end_object(); }
  bool end_array() { return close() && DomBuilder::end_array(); }
  bool key(string_t& name) {
    if (strict()) {
      Frame& frame = frames_.back();
      frame.key = name;
      if (!frame.keys.insert(name).second) {
        duplicate = path();  // the frame's key is already `name`
        return false;
      }
    }
    return DomBuilder::key(name);
  }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& last_token, const Exception& ex) {
    syntax_error = true;
    error_byte = position;
    return DomBuilder::parse_error(position, last_token, ex);
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;  // arrays: the index of the next item
    std::string key;        // objects: the member being read
    std::set<std::string> keys;
  };

  bool strict() const { return max_depth_ != 0; }
  std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      out += '/';
      out += frame.array ? std::to_string(frame.index) : json_pointer_token(frame.key);
    }
    return out;
  }
  bool value() {
    if (strict() && !frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  bool open(bool array) {
    if (!strict()) return true;
    if (frames_.size() == max_depth_) {
      too_deep = true;
      return false;
    }
    frames_.push_back(Frame{array, 0, {}, {}});
    return true;
  }
  bool close() {
    if (strict()) frames_.pop_back();
    return value();
  }

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
  if (!Json::sax_parse(text, &reader) || reader.is_errored()) return Json(Json::value_t::discarded);
  return result;
}

}  // namespace civic
