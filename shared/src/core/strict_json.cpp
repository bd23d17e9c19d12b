#include "civic/strict_json.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "json_pointer.hpp"

namespace civic {

namespace {

using Json = nlohmann::ordered_json;

// A SAX pass that only looks for repeated member names, tracking the JSON pointer of
// the value being read.
class DuplicateFinder : public nlohmann::json_sax<Json> {
 public:
  explicit DuplicateFinder(std::size_t max_depth) : max_depth_(max_depth) {}

  std::optional<std::string> duplicate;  // pointer of the first repeated member
  bool too_deep = false;
  std::size_t error_byte = 0;
  bool syntax_error = false;

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    Frame& frame = frames_.back();
    frame.key = name;
    if (!frame.keys.insert(name).second) {
      duplicate = path();  // the frame's key is already `name`
      return false;
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    syntax_error = true;
    error_byte = position;
    return false;
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;  // arrays: the index of the next item
    std::string key;        // objects: the member being read
    std::set<std::string> keys;
  };

  std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      out += '/';
      out += frame.array ? std::to_string(frame.index) : json_pointer_token(frame.key);
    }
    return out;
  }
  bool value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  bool open(bool array) {
    if (frames_.size() == max_depth_) {
      too_deep = true;
      return false;
    }
    frames_.push_back(Frame{array, 0, {}, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
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
  DuplicateFinder finder(max_depth);
  Json::sax_parse(text, &finder);
  if (finder.too_deep) {
    return Error{"json.too_deep",
                 "",
                 {"Текстът е вложен твърде дълбоко", "The text is nested too deeply"},
                 {{"max_depth", max_depth}}};
  }
  if (finder.duplicate) {
    return Error{"json.duplicate_key",
                 *finder.duplicate,
                 {"Повтарящо се име на поле в обект", "An object repeats a member name"},
                 {}};
  }
  if (finder.syntax_error) {
    return Error{"json.syntax",
                 "",
                 {"Текстът не е валиден JSON", "The text is not valid JSON"},
                 {{"byte", finder.error_byte}}};
  }
  return Json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace civic
