#include <optional>
#include <string>

#include "commands.hpp"
#include "json_file.hpp"

namespace civic::cli {

// civic eligibility check --policy POLICY.json [--today YYYY-MM-DD] SUBJECT.json: prints the
// decision; exit 1 when the subject is not eligible.
int eligibility_command(const Args& args) {
  constexpr const char* kUsage =
      "civic eligibility check --policy POLICY.json [--today YYYY-MM-DD] SUBJECT.json";
  if (args.empty() || args[0] != "check") return usage_error(kUsage);
  std::optional<std::string> policy_path, subject_path;
  std::string today = local_today();
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--policy" && i + 1 < args.size()) {
      policy_path = args[++i];
    } else if (arg == "--today" && i + 1 < args.size()) {
      today = args[++i];
    } else if (!subject_path && arg.rfind("--", 0) != 0) {
      subject_path = arg;
    } else {
      return usage_error(kUsage);
    }
  }
  if (!policy_path || !subject_path) return usage_error(kUsage);
  auto policy = read_json_document(*policy_path);
  auto subject = read_json_document(*subject_path);
  if (!policy || !subject) return 2;
  return print_call(
      "eligibility.check",
      api::Json{{"policy", std::move(*policy)}, {"subject", std::move(*subject)}, {"today", today}},
      "eligible");
}

}  // namespace civic::cli
