#include "digits.hpp"

namespace civic::identity_detail {

std::optional<Error> shape_error(std::string_view text, size_t length, const NumberKind& kind) {
  const std::string prefix = kind.code_prefix;
  const std::string digits = std::to_string(length);
  if (text.size() != length) {
    return Error{prefix + ".length",
                 "",
                 {kind.name.bg + " трябва да е точно " + digits + " цифри",
                  kind.name.en + " must be exactly " + digits + " digits"},
                 {{"expected_length", length}, {"actual_length", text.size()}}};
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return Error{prefix + ".non_digit",
                   "",
                   {kind.name.bg + " трябва да съдържа само цифри от 0 до 9",
                    kind.name.en + " must only include numbers 0 to 9"},
                   {{"position", i + 1}}};
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
