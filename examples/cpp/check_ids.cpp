// Uses civic_core from C++: checks the identification numbers given on the command line,
// then validates them as answers to a small declarative form, and prints what a person
// would be told, in English.
#include <civic/forms.hpp>
#include <civic/identity.hpp>
#include <cstdio>

namespace {

// A one-field form: an EGN that is required (docs/forms.md describes the format).
constexpr const char* kForm = R"({
  "id": "example", "version": 1, "title": {"bg": "Пример", "en": "Example"},
  "steps": [{"id": "person", "title": {"bg": "Лице", "en": "Person"}, "fields": [
    {"id": "egn", "type": "egn", "label": {"bg": "ЕГН", "en": "EGN"}, "required": true}
  ]}]
})";

}  // namespace

int main(int argc, char** argv) {
  const civic::Date today{2026, 11, 25};  // a real program passes the current date
  const civic::forms::Loaded loaded =
      civic::forms::load(civic::forms::Json::parse(kForm, nullptr, /*allow_exceptions=*/false));
  if (!loaded.form) {
    std::printf("the form definition has %zu problems\n", loaded.errors.size());
    return 1;
  }
  for (int i = 1; i < argc; ++i) {
    const civic::IdCheck check = civic::check_id(argv[i], std::nullopt, today);
    if (!check.valid()) {
      std::printf("%s: %s\n", argv[i], check.error->message.en.c_str());
    } else if (check.egn_info) {
      std::printf("%s: a valid EGN of a %s born on %s\n", argv[i],
                  civic::to_string(check.egn_info->sex),
                  civic::to_iso(check.egn_info->birth_date).c_str());
    } else {
      std::printf("%s: a valid %s\n", argv[i], civic::to_string(check.kind));
    }
    const civic::forms::Report report = civic::forms::validate(
        *loaded.form, {{"egn", argv[i]}}, {.today = today, .address_check = {}});
    std::printf("  as a form answer: %s\n",
                report.valid ? "accepted" : report.errors.front().message.en.c_str());
  }
  return 0;
}
