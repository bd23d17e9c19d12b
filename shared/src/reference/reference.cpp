#include "civic/reference.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace civic::reference {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kBase = 32;

// The value of a typed symbol: either case, look-alikes read as what they look like.
std::optional<int> value_of(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  const auto at = kAlphabet.find(c);
  if (at == std::string_view::npos) return std::nullopt;
  return static_cast<int>(at);
}

// Luhn mod 32 over the symbols' values: the check symbol that makes the whole sum 0.
int check_value(const std::vector<int>& values) {
  int sum = 0;
  bool twice = true;  // the symbol next to the check symbol is doubled
  for (auto it = values.rbegin(); it != values.rend(); ++it, twice = !twice) {
    int addend = twice ? *it * 2 : *it;
    addend = addend / kBase + addend % kBase;
    sum += addend;
  }
  return (kBase - sum % kBase) % kBase;
}

Error refused(std::string code, Kind kind, std::string bg, std::string en) {
  Error error{std::move(code), "", {std::move(bg), std::move(en)}, {}};
  error.params["expected_length"] = length(kind);
  return error;
}

std::string_view noun_bg(Kind kind) {
  return kind == Kind::submission ? "Номерът на заявлението" : "Кодът за проверка";
}
std::string_view noun_en(Kind kind) {
  return kind == Kind::submission ? "The reference number" : "The status code";
}

}  // namespace

std::size_t length(Kind kind) { return kind == Kind::submission ? 11 : 16; }

std::string make(Kind kind, Rng& rng) {
  std::vector<std::uint8_t> bytes(length(kind) - 1);
  rng.fill(bytes);
  std::vector<int> values;
  std::string code;
  for (const std::uint8_t byte : bytes) {
    values.push_back(byte % kBase);  // 256 is a multiple of 32: uniform
    code += kAlphabet[static_cast<std::size_t>(values.back())];
  }
  code += kAlphabet[static_cast<std::size_t>(check_value(values))];
  return code;
}

Result<std::string> parse(Kind kind, std::string_view typed) {
  std::vector<int> values;
  std::string code;
  for (const char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    const auto value = value_of(c);
    if (!value) {
      return refused("reference.malformed", kind,
                     std::string(noun_bg(kind)) + " съдържа знак, който не може да е в него",
                     std::string(noun_en(kind)) + " contains a character it cannot have");
    }
    values.push_back(*value);
    code += kAlphabet[static_cast<std::size_t>(*value)];
  }
  if (values.size() != length(kind)) {
    const std::string count = std::to_string(length(kind));
    return refused("reference.malformed", kind,
                   std::string(noun_bg(kind)) + " има " + count + " знака – проверете го",
                   std::string(noun_en(kind)) + " has " + count + " characters – check it");
  }
  const int check = values.back();
  values.pop_back();
  if (check_value(values) != check) {
    return refused("reference.check", kind,
                   std::string(noun_bg(kind)) + " не е въведен точно – проверете всеки знак",
                   std::string(noun_en(kind)) + " is not typed exactly – check every character");
  }
  return code;
}

std::string display(std::string_view canonical) {
  std::string out;
  for (std::size_t i = 0; i < canonical.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += canonical[i];
  }
  return out;
}

Result<Kind> parse_kind(std::string_view name) {
  if (name == "submission") return Kind::submission;
  if (name == "status") return Kind::status;
  return Error{"reference.malformed",
               "/kind",
               {"Видът на кода трябва да е submission или status",
                "The kind of code must be submission or status"},
               {}};
}

}  // namespace civic::reference
