#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "civic/api.hpp"
#include "commands.hpp"

namespace civic::cli {

namespace {

constexpr const char* kUsage =
    "civic id check [--kind egn|lnch|eik] [--today YYYY-MM-DD] (NUMBER | -)";

struct Options {
  std::optional<IdKind> kind;
  Date today;
};

// One JSON line: {"input","kind","valid","code","birth_date","sex"}.
void check_one(const std::string& number, const Options& options, std::string& out) {
  api::Json result = api::id_check_to_json(number, check_id(number, options.kind, options.today));
  result.erase("message");
  out += api::dump(result);
  out += '\n';
}

int option_error(const Error& error) {
  std::fprintf(stderr, "civic: %s\n", error.message.en.c_str());
  return usage_error(kUsage);
}

}  // namespace

int id_command(const Args& args) {
  if (args.empty() || args[0] != "check") return usage_error(kUsage);
  std::optional<std::string> kind_name, today_text, number;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--kind" && !kind_name && i + 1 < args.size()) {
      kind_name = args[++i];
    } else if (arg == "--today" && !today_text && i + 1 < args.size()) {
      today_text = args[++i];
    } else if (!number && (arg == "-" || arg.rfind("--", 0) != 0)) {
      number = arg;
    } else {
      return usage_error(kUsage);
    }
  }
  if (!number) return usage_error(kUsage);

  Options options;
  if (kind_name) {
    auto kind = parse_id_kind(*kind_name);
    if (!kind) return option_error(kind.error());
    options.kind = *kind;
  }
  auto today = parse_iso_date(today_text.value_or(local_today()));
  if (!today) return option_error(today.error());
  options.today = *today;

  std::string out;
  if (*number != "-") {
    check_one(*number, options, out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    check_one(line, options, out);
    if (out.size() > (1 << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace civic::cli
