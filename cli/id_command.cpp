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

// One JSON line: {"input","kind","valid","code","birth_date","sex"}.
void check_one(const std::string& number, const api::Json& options, std::string& out) {
  api::Json request = options;
  request["number"] = number;
  api::Json result = api::call_json("id.check", request);
  result.erase("message");
  out += api::dump(result);
  out += '\n';
}

// Reports a bad --kind or --today the way the API does, then exits 2.
std::optional<int> option_error(const api::Json& options) {
  api::Json probe = options;
  probe["number"] = "";
  const api::Json result = api::call_json("id.check", probe);
  if (!result.contains("error")) return std::nullopt;
  std::fprintf(stderr, "civic: %s\n", result["error"]["message"]["en"].get<std::string>().c_str());
  return usage_error(kUsage);
}

}  // namespace

int id_command(const Args& args) {
  if (args.empty() || args[0] != "check") return usage_error(kUsage);
  api::Json options{{"today", local_today()}};
  std::optional<std::string> number;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if ((arg == "--kind" || arg == "--today") && i + 1 < args.size()) {
      options[arg.substr(2)] = args[++i];
    } else if (!number && (arg == "-" || arg.rfind("--", 0) != 0)) {
      number = arg;
    } else {
      return usage_error(kUsage);
    }
  }
  if (!number) return usage_error(kUsage);
  if (auto exit_code = option_error(options)) return *exit_code;

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
