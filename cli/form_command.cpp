#include <optional>
#include <string>

#include "commands.hpp"
#include "json_file.hpp"

namespace civic::cli {

namespace {

constexpr const char* kUsage =
    "civic form validate --form DEFINITION.json [--today YYYY-MM-DD] [--answers-version N] "
    "ANSWERS.json | civic form validate --profile DIR --form ID [--today YYYY-MM-DD] "
    "ANSWERS.json | civic form check DEFINITION.json";

// civic form check DEFINITION.json: {"valid","errors"}; exit 1 when the definition has errors.
int check(const Args& args) {
  if (args.size() != 2) return usage_error(kUsage);
  auto form = read_json_document(args[1]);
  if (!form) return 2;
  return print_call("form.check_definition", api::Json{{"form", std::move(*form)}}, "valid");
}

}  // namespace

// civic form validate ...: prints the report; exit 1 when the answers are not valid.
int form_command(const Args& args) {
  if (!args.empty() && args[0] == "check") return check(args);
  if (args.empty() || args[0] != "validate") return usage_error(kUsage);
  std::optional<std::string> form_path, answers_path, version, profile_dir;
  std::string today = local_today();
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "--form" && has_value) {
      form_path = args[++i];
    } else if (arg == "--profile" && has_value) {
      profile_dir = args[++i];
    } else if (arg == "--today" && has_value) {
      today = args[++i];
    } else if (arg == "--answers-version" && has_value) {
      version = args[++i];
    } else if (!answers_path && arg.rfind("--", 0) != 0) {
      answers_path = arg;
    } else {
      return usage_error(kUsage);
    }
  }
  if (!form_path || !answers_path || (profile_dir && version)) return usage_error(kUsage);
  if (profile_dir) {
    auto bundle = read_profile_bundle(*profile_dir);
    auto answers = read_json_document(*answers_path);
    if (!bundle || !answers) return 2;
    return print_call("profile.validate_form",
                      api::Json{{"bundle", std::move(*bundle)},
                                {"form", *form_path},
                                {"answers", std::move(*answers)},
                                {"today", today}},
                      "valid");
  }
  auto form = read_json_document(*form_path);
  auto answers = read_json_document(*answers_path);
  if (!form || !answers) return 2;
  api::Json request{{"form", std::move(*form)}, {"answers", std::move(*answers)}, {"today", today}};
  if (version) {
    api::Json number = api::Json::parse(*version, nullptr, /*allow_exceptions=*/false);
    if (!number.is_number_integer()) return usage_error(kUsage);
    request["answers_version"] = number;
  }
  return print_call("form.validate", request, "valid");
}

}  // namespace civic::cli
