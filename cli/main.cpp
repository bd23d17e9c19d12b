// civic — the command-line face of civic_core, for operators and scripts.
#include <cstdio>
#include <ctime>
#include <string>

#include "commands.hpp"

namespace civic::cli {

int usage_error(const char* usage) {
  std::fprintf(stderr, "usage: %s\n", usage);
  return 2;
}

std::string local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
  return buffer;
}

}  // namespace civic::cli

int main(int argc, char** argv) {
  constexpr const char* kUsage =
      "civic (id check|translit|api|form|eligibility|profile|vote|envelope|register|certificate) "
      "...";
  if (argc < 2) return civic::cli::usage_error(kUsage);
  const std::string command = argv[1];
  const civic::cli::Args args(argv + 2, argv + argc);
  if (command == "id") return civic::cli::id_command(args);
  if (command == "translit") return civic::cli::translit_command(args);
  if (command == "api") return civic::cli::api_command(args);
  if (command == "register") return civic::cli::register_command(args);
  if (command == "form") return civic::cli::form_command(args);
  if (command == "eligibility") return civic::cli::eligibility_command(args);
  if (command == "profile") return civic::cli::profile_command(args);
  if (command == "envelope") return civic::cli::envelope_command(args);
  if (command == "vote") return civic::cli::vote_command(args);
  if (command == "certificate") return civic::cli::certificate_command(args);
  return civic::cli::usage_error(kUsage);
}
