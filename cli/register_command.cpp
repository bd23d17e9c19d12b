// civic register import --district D FILE.csv [--out REGISTER.json]
#include <cstdio>
#include <optional>
#include <string>

#include "civic/api.hpp"
#include "civic/register_import.hpp"
#include "commands.hpp"
#include "file_input.hpp"

namespace civic::cli {

// Prints the import report as JSON (without the register); writes the register's JSON form
// to --out when given. Exit 1 when a row was refused or a postal code conflicts.
int register_command(const Args& args) {
  constexpr const char* kUsage =
      "civic register import --district 68134-NN [--out REGISTER.json] FILE.csv";
  if (args.empty() || args[0] != "import") return usage_error(kUsage);
  std::string district, out_path;
  std::optional<std::string> file;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--district" && i + 1 < args.size()) {
      district = args[++i];
    } else if (args[i] == "--out" && i + 1 < args.size()) {
      out_path = args[++i];
    } else if (!file) {
      file = args[i];
    } else {
      return usage_error(kUsage);
    }
  }
  if (district.empty() || !file) return usage_error(kUsage);
  const auto csv = read_input(*file);
  if (!csv) return 1;
  const address::ImportReport report = address::import_csv(district, *csv);
  std::printf("%s\n", api::dump(address::report_to_json(report)).c_str());
  if (!out_path.empty()) {
    std::FILE* out = std::fopen(out_path.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "civic: cannot write %s\n", out_path.c_str());
      return 1;
    }
    std::fprintf(out, "%s\n", address::to_json(report.district).dump(2).c_str());
    std::fclose(out);
  }
  return report.ok() ? 0 : 1;
}

}  // namespace civic::cli
