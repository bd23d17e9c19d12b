#include "errors.hpp"

#include <array>
#include <string>

namespace civic::expr::detail {

namespace {

struct Text {
  std::string_view code;
  std::string_view bg;
  std::string_view en;
};

constexpr std::array<Text, 16> kTexts = {{
    {"expr.too_long", "Изразът е твърде дълъг", "The expression is too long"},
    {"expr.too_deep", "Изразът е вложен твърде дълбоко", "The expression is nested too deeply"},
    {"expr.too_complex", "Изразът има твърде много части", "The expression has too many parts"},
    {"expr.unexpected_token", "Изразът не може да се разчете", "The expression cannot be read"},
    {"expr.unterminated_string", "Текстът в израза няма затваряща кавичка",
     "A text in the expression has no closing quote"},
    {"expr.bad_number", "Числото в израза не може да се разчете",
     "A number in the expression cannot be read"},
    {"expr.bad_date", "Датата в израза трябва да е истинска дата във вида @ГГГГ-ММ-ДД",
     "A date in the expression must be a real date written @YYYY-MM-DD"},
    {"expr.unknown_name", "Изразът използва име, което не съществува",
     "The expression uses a name that does not exist"},
    {"expr.unknown_function", "Изразът използва функция, която не съществува",
     "The expression uses a function that does not exist"},
    {"expr.arity", "Функцията е извикана с друг брой аргументи",
     "A function is called with the wrong number of arguments"},
    {"expr.type_mismatch", "Стойност в израза е от друг вид",
     "A value in the expression is of the wrong kind"},
    {"expr.bad_regex", "Шаблонът не може да се разчете", "The pattern cannot be read"},
    {"expr.too_many_steps", "Изчисляването на израза отне твърде много стъпки",
     "Working out the expression took too many steps"},
    {"expr.overflow", "Число в израза стана твърде голямо",
     "A number in the expression became too large"},
    {"expr.division_by_zero", "Изразът дели на нула", "The expression divides by zero"},
    {"expr.internal", "Изразът не може да се изчисли", "The expression cannot be worked out"},
}};

}  // namespace

Error expr_error(std::string_view code, std::size_t position, std::string_view expected,
                 std::string_view found) {
  const Text* text = &kTexts.back();
  for (const Text& candidate : kTexts) {
    if (candidate.code == code) text = &candidate;
  }
  std::string bg(text->bg), en(text->en);
  bg += " (позиция " + std::to_string(position) + ")";
  en += " (at position " + std::to_string(position);
  if (!expected.empty()) en += ": expected " + std::string(expected);
  if (!found.empty()) en += (expected.empty() ? ": found " : ", found ") + std::string(found);
  en += ")";
  Error error{std::string(code), "", {std::move(bg), std::move(en)}, {{"position", position}}};
  if (!expected.empty()) error.params["expected"] = std::string(expected);
  if (!found.empty()) error.params["found"] = std::string(found);
  return error;
}

}  // namespace civic::expr::detail
