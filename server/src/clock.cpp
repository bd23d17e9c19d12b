#include "clock.hpp"

#include <fstream>

#include "random.hpp"

namespace civic::server {

namespace {

std::int64_t file_clock(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::int64_t seconds = 0;
  if (in >> seconds) return seconds;
  return unix_now();
}

}  // namespace

Clock make_clock(const Config& config) {
  if (!config.clock_file) return unix_now;
  return [file = *config.clock_file] { return file_clock(file); };
}

}  // namespace civic::server
