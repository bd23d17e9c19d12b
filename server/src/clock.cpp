#include "clock.hpp"

#include <fstream>

#include "random.hpp"

namespace civic::server {

Clock make_clock(const Config& config) {
  if (!config.clock_file) return unix_now;
  return [file = *config.clock_file] {
    std::ifstream in(file);
    std::int64_t seconds = 0;
    if (in >> seconds) return seconds;
    return unix_now();
  };
}

}  // namespace civic::server
