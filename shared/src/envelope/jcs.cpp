// RFC 8785 canonical serialisation over nlohmann::ordered_json.
#include "civic/jcs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "../core/json_pointer.hpp"
#include "../text/utf8.hpp"
#include "civic/json_text.hpp"

namespace civic::jcs {

namespace {

using Json = nlohmann::ordered_json;

Error error_at(const std::string& path, const char* code, Message message) {
  return Error{code, path, std::move(message), Json::object()};
}

// Whether `text` is valid UTF-8.
bool is_utf8(const std::string& text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    if (utf8::next(text, pos) == utf8::kReplacement && pos - start != 3) return false;
  }
  return true;
}

// Where a code point falls in UTF-16 code unit order: its own value, except U+E000..U+FFFF,
// which sort above the supplementary planes (written with surrogates D800..DFFF).
char32_t utf16_rank(char32_t code_point) {
  return code_point >= 0xE000 && code_point <= 0xFFFF ? code_point + 0x110000 : code_point;
}

// Whether valid UTF-8 `a` sorts before `b` by their UTF-16 code units (RFC 8785 §3.2.3),
// compared code point by code point without converting either.
bool utf16_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const char32_t x = utf16_rank(utf8::next(a, i));
    const char32_t y = utf16_rank(utf8::next(b, j));
    if (x != y) return x < y;
  }
  return i == a.size() && j < b.size();
}

class Writer {
 public:
  Result<Unit> write(const Json& value, const std::string& path, int depth);
  std::string take() { return std::move(out_); }

 private:
  Result<Unit> write_string(const std::string& text, const std::string& path);
  Result<Unit> write_object(const Json& object, const std::string& path, int depth);

  std::string out_;
};

Result<Unit> Writer::write_string(const std::string& text, const std::string& path) {
  if (!is_utf8(text)) {
    return error_at(path, "jcs.invalid_utf8",
                    {"Текстът не е валиден UTF-8", "The text is not valid UTF-8"});
  }
  append_json_string(out_, text);  // valid UTF-8: escaped as RFC 8785 §3.2.2.2 says
  return Unit{};
}

Result<Unit> Writer::write_object(const Json& object, const std::string& path, int depth) {
  struct Member {
    const std::string* key;
    const Json* value;
  };
  std::vector<Member> members;
  members.reserve(object.size());
  for (const auto& [key, value] : object.items()) {
    if (!is_utf8(key)) {
      return error_at(path + "/" + json_pointer_token(key), "jcs.invalid_utf8",
                      {"Име на поле не е валиден UTF-8", "A member name is not valid UTF-8"});
    }
    members.push_back({&key, &value});
  }
  std::sort(members.begin(), members.end(),
            [](const Member& a, const Member& b) { return utf16_less(*a.key, *b.key); });
  out_ += '{';
  for (size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out_ += ',';
    append_json_string(out_, *members[i].key);
    out_ += ':';
    auto written =
        write(*members[i].value, path + "/" + json_pointer_token(*members[i].key), depth + 1);
    if (!written) return written;
  }
  out_ += '}';
  return Unit{};
}

Result<Unit> Writer::write(const Json& value, const std::string& path, int depth) {
  if (depth > kMaxDepth && (value.is_object() || value.is_array())) {
    return error_at(path, "jcs.too_deep",
                    {"Данните са вложени твърде дълбоко", "The data is nested too deeply"});
  }
  switch (value.type()) {
    case Json::value_t::null: out_ += "null"; return Unit{};
    case Json::value_t::boolean: out_ += value.get<bool>() ? "true" : "false"; return Unit{};
    case Json::value_t::number_integer:
      out_ += format_number(static_cast<double>(value.get<std::int64_t>()));
      return Unit{};
    case Json::value_t::number_unsigned:
      out_ += format_number(static_cast<double>(value.get<std::uint64_t>()));
      return Unit{};
    case Json::value_t::number_float: {
      const double number = value.get<double>();
      if (!std::isfinite(number)) {
        return error_at(path, "jcs.not_finite",
                        {"Числото не е крайно", "The number is not finite"});
      }
      out_ += format_number(number);
      return Unit{};
    }
    case Json::value_t::string: return write_string(value.get_ref<const std::string&>(), path);
    case Json::value_t::array: {
      out_ += '[';
      for (size_t i = 0; i < value.size(); ++i) {
        if (i > 0) out_ += ',';
        auto written = write(value[i], path + "/" + std::to_string(i), depth + 1);
        if (!written) return written;
      }
      out_ += ']';
      return Unit{};
    }
    case Json::value_t::object: return write_object(value, path, depth);
    default:
      return error_at(
          path, "jcs.unsupported",
          {"Стойността не може да се запише като JSON", "The value cannot be written as JSON"});
  }
}

}  // namespace

Result<std::string> canonicalize(const nlohmann::ordered_json& value) {
  Writer writer;
  auto written = writer.write(value, "", 1);
  if (!written) return written.error();
  return writer.take();
}

}  // namespace civic::jcs
