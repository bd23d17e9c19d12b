#include "options.hpp"

#include <charconv>
#include <set>
#include <string_view>

namespace civic::kiosk {
namespace {

Error usage(const std::string& what) { return Error{"kiosk.usage", "", {what, what}, {}}; }

bool parse_int(std::string_view text, int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out > 0;
}

}  // namespace

Result<NativeOptions> parse_options(int argc, char** argv, Date today) {
  NativeOptions options;
  options.today = today;
  const std::set<std::string_view> kScreens = {"login", "queue", "submission", "kiosk", "register"};
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--kiosk") {
      options.kiosk = true;
      continue;
    }
    if (i + 1 >= argc) return usage(std::string(arg) + " needs a value (or is unknown)");
    const std::string_view value = argv[++i];
    if (arg == "--server") {
      options.server = value;
    } else if (arg == "--today") {
      auto date = parse_iso_date(value);
      if (!date) return usage("--today wants YYYY-MM-DD");
      options.today = *date;
    } else if (arg == "--size") {
      const size_t x = value.find('x');
      if (x == std::string_view::npos || !parse_int(value.substr(0, x), options.width) ||
          !parse_int(value.substr(x + 1), options.height)) {
        return usage("--size wants WIDTHxHEIGHT");
      }
    } else if (arg == "--print-command") {
      if (value.empty()) return usage("--print-command wants a program");
      options.print_command = value;
    } else if (arg == "--screenshot") {
      options.screenshot = value;
    } else if (arg == "--screen") {
      if (!kScreens.contains(value))
        return usage("--screen: login, queue, submission, kiosk or register");
      options.screen = value;
    } else if (arg == "--bench-rows") {
      if (!parse_int(value, options.bench_rows))
        return usage("--bench-rows wants a positive number");
    } else {
      return usage("unknown argument " + std::string(arg));
    }
  }
  if (options.screenshot.empty() != options.screen.empty()) {
    return usage("--screenshot and --screen go together");
  }
  if (options.screen == "kiosk") options.kiosk = true;
  return options;
}

}  // namespace civic::kiosk
