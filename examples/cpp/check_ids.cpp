// Checks the identification numbers given on the command line with civic_core and
// prints a sentence for each, in English.
#include <civic/identity.hpp>
#include <cstdio>

int main(int argc, char** argv) {
  const civic::Date today{2026, 11, 25};  // a real program passes the current date
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
  }
  return 0;
}
