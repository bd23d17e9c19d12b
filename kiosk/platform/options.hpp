// kiosk/platform/options.hpp — the native program's command line.
//
//   civic-kiosk [--server URL] [--kiosk] [--today YYYY-MM-DD] [--size WxH] [--print-command CMD]
//               [--screenshot FILE --screen login|queue|submission|kiosk|register]
//               [--bench-rows N]
//   --server      civic-server's address (default http://127.0.0.1:8080)
//   --kiosk       the self-service kiosk, full screen (default: the operator console)
//   --today       the date the rules are applied on (default: today, UTC)
//   --print-command  the program the receipt is printed with, as `CMD FILE` (default lp, CUPS;
//                 platform/command_printer.hpp)
//   --screenshot  drive the app to SCREEN (signing in as $CIVIC_KIOSK_USER with
//                 $CIVIC_KIOSK_PASSWORD where needed), write a PNG of the window, exit
//   --bench-rows  draw a queue of N made-up rows for 300 frames and print the frame times
#pragma once

#include <string>

#include "civic/date.hpp"
#include "civic/result.hpp"

namespace civic::kiosk {

struct NativeOptions {
  std::string server = "http://127.0.0.1:8080";
  bool kiosk = false;
  Date today;
  int width = 1280;
  int height = 800;
  std::string screenshot;
  std::string screen;
  int bench_rows = 0;
  std::string print_command = "lp";
};

// Errors: kiosk.usage with a message naming the bad argument.
Result<NativeOptions> parse_options(int argc, char** argv, Date today);

}  // namespace civic::kiosk
