#include "civic/json_text.hpp"

#include <array>
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

void write_string(std::string& out, const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    // A run of characters written as they are.
    const std::size_t start = i;
    while (i < text.size()) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\') break;
      ++i;
    }
    out.append(text, start, i - start);
    if (i == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      // A sequence cut short is replaced up to the byte that broke it, which is read again.
      const Lead lead = lead_of(byte);
      std::size_t end = i + 1;
      bool whole = lead.continuations != 0;
      for (int k = 0; whole && k < lead.continuations; ++k, ++end) {
        const auto next = end < text.size() ? static_cast<unsigned char>(text[end]) : 0;
        whole = k == 0 ? next >= lead.low && next <= lead.high : next >= 0x80 && next <= 0xBF;
        if (!whole) break;
      }
      if (whole) {
        out.append(text, i, end - i);
      } else {
        out += kReplacement;
      }
      i = lead.continuations == 0 ? i + 1 : end;
      continue;
    }
    switch (byte) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
    ++i;
  }
  out += '"';
}

void write(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [name, member] : value.get_ref<const Json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        write_string(out, name);
        out += ':';
        write(out, member);
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
        write(out, item);
      }
      out += ']';
      return;
    }
    case Json::value_t::string: write_string(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer: out += std::to_string(value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: out += std::to_string(value.get<std::uint64_t>()); return;
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
        out += std::to_string(binary[i]);
      }
      out += "],\"subtype\":";
      out += binary.has_subtype() ? std::to_string(binary.subtype()) : "null";
      out += '}';
      return;
    }
    case Json::value_t::discarded: out += "<discarded>"; return;
    case Json::value_t::null: out += "null"; return;
  }
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& value) {
  std::string out;
  write(out, value);
  return out;
}

}  // namespace civic
