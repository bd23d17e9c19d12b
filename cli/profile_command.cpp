// civic profile check DIR | civic profile bundle DIR
#include <cstdio>

#include "commands.hpp"
#include "json_file.hpp"

namespace civic::cli {

// check: {"ok","errors"} (exit 1 unless ok); bundle: the bundle JSON (exit 1 when the folder
// cannot be assembled). Neither needs the other: `check` assembles and checks.
int profile_command(const Args& args) {
  constexpr const char* kUsage = "civic profile (check|bundle) DIR";
  if (args.size() != 2 || (args[0] != "check" && args[0] != "bundle")) {
    return usage_error(kUsage);
  }
  auto bundle = read_profile_bundle(args[1]);
  if (!bundle) return 1;
  if (args[0] == "bundle") {
    std::printf("%s\n", api::dump(*bundle).c_str());
    return 0;
  }
  return print_call("profile.check", api::Json{{"bundle", std::move(*bundle)}}, "ok");
}

}  // namespace civic::cli
