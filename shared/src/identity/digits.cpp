#include "digits.hpp"

namespace civic::identity_detail {

namespace {

bool starts_character(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

size_t character_count(std::string_view text) {
  size_t count = 0;
  for (char byte : text) count += starts_character(byte) ? 1 : 0;
  return count;
}

std::optional<Error> shape_error(std::string_view text, size_t length, const NumberKind& kind) {
  const size_t characters = character_count(text);
  if (characters != length) {
    const std::string digits = std::to_string(length);
    return Error{std::string(kind.code_prefix) + ".length",
                 "",
                 {kind.name.bg + " трябва да е точно " + digits + " цифри",
                  kind.name.en + " must be exactly " + digits + " digits"},
                 {{"expected_length", length}, {"actual_length", characters}}};
  }
  size_t position = 0;
  for (char byte : text) {
    position += starts_character(byte) ? 1 : 0;
    if (byte < '0' || byte > '9') {
      return Error{std::string(kind.code_prefix) + ".non_digit",
                   "",
                   {kind.name.bg + " трябва да съдържа само цифри от 0 до 9",
                    kind.name.en + " must only include numbers 0 to 9"},
                   {{"position", position}}};
    }
  }
  return std::nullopt;
}

Error checksum_error(const NumberKind& kind) {
  return Error{
      std::string(kind.code_prefix) + ".checksum",
      "",
      {kind.name.bg + " не съвпада с контролната си цифра – проверете дали е въведен точно",
       kind.name.en + " does not match its check digit – check you entered it exactly"},
      {}};
}

}  // namespace civic::identity_detail
