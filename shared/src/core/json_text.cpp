#include "civic/json_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace civic {

namespace {

using Json = nlohmann::ordered_json;

// How many continuation bytes follow `lead`, and the range the first of them must fall in
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF); 0 for a byte that
// cannot start a character.
struct Lead {
  int continuations;
  unsigned char low, high;
};
Lead lead_of(unsigned char byte) {
  if (byte >= 0xC2 && byte <= 0xDF) return {1, 0x80, 0xBF};
  if (byte == 0xE0) return {2, 0xA0, 0xBF};
  if (byte == 0xED) return {2, 0x80, 0x9F};
  if (byte >= 0xE1 && byte <= 0xEF) return {2, 0x80, 0xBF};
  if (byte == 0xF0) return {3, 0x90, 0xBF};
  if (byte >= 0xF1 && byte <= 0xF3) return {3, 0x80, 0xBF};
  if (byte == 0xF4) return {3, 0x80, 0x8F};
  return {0, 0, 0};
}

// The character that starts at `text[at]` (a byte >= 0x80): whether it is whole, and how many
// bytes it takes or, when it is not, how many the U+FFFD written for it stands for (a sequence
// cut short is replaced up to the byte that broke it, which is read again).
struct Sequence {
  bool whole;
  std::size_t size;
};
Sequence sequence_at(std::string_view text, std::size_t at) {
  const Lead lead = lead_of(static_cast<unsigned char>(text[at]));
  if (lead.continuations == 0) return {false, 1};
  std::size_t end = at + 1;
  for (int k = 0; k < lead.continuations; ++k, ++end) {
    const auto next = end < text.size() ? static_cast<unsigned char>(text[end]) : 0;
    const bool fits = k == 0 ? next >= lead.low && next <= lead.high : next >= 0x80 && next <= 0xBF;
    if (!fits) return {false, end - at};
  }
  return {true, end - at};
}

void write_escaped(std::string& out, unsigned char byte) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (byte) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default:
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
  }
}

// An integer in decimal digits.
template <class Integer>
void write_integer(std::string& out, Integer number) {
  std::array<char, 24> digits;
  const auto written = std::to_chars(digits.data(), digits.data() + digits.size(), number);
  out.append(digits.data(), written.ptr);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run = 0;  // where the bytes not yet appended start, all to be copied as they are
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte >= 0x20 && byte != '"' && byte != '\\') {
        ++i;
        continue;
      }
      out.append(text.data() + run, i - run);
      write_escaped(out, byte);
      run = ++i;
      continue;
    }
    const Sequence sequence = sequence_at(text, i);
    if (!sequence.whole) {
      out.append(text.data() + run, i - run);
      out += "\xEF\xBF\xBD";  // U+FFFD
      run = i + sequence.size;
    }
    i += sequence.size;
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

void append_json_text(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [name, member] : value.get_ref<const Json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, name);
        out += ':';
        append_json_text(out, member);
      }
      out += '}';
      return;
    }
    case Json::value_t::array: {
      out += '[';
      bool first = true;
      for (const Json& item : value.get_ref<const Json::array_t&>()) {
        if (!first) out += ',';
        first = false;
        append_json_text(out, item);
      }
      out += ']';
      return;
    }
    case Json::value_t::string:
      append_json_string(out, value.get_ref<const std::string&>());
      return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer: write_integer(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: write_integer(out, value.get<std::uint64_t>()); return;
    case Json::value_t::number_float: {
      const double number = value.get<double>();
      if (!std::isfinite(number)) {
        out += "null";
        return;
      }
      std::array<char, 64> buffer;
      const char* end =
          nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
      out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
      return;
    }
    case Json::value_t::binary: {
      const auto& binary = value.get_binary();
      out += "{\"bytes\":[";
      for (std::size_t i = 0; i < binary.size(); ++i) {
        if (i > 0) out += ',';
        write_integer(out, binary[i]);
      }
      out += "],\"subtype\":";
      if (binary.has_subtype()) {
        write_integer(out, binary.subtype());
      } else {
        out += "null";
      }
      out += '}';
      return;
    }
    case Json::value_t::discarded: out += "<discarded>"; return;
    case Json::value_t::null: out += "null"; return;
  }
}

std::string json_text(const Json& value) {
  std::string out;
  append_json_text(out, value);
  return out;
}

}  // namespace civic
