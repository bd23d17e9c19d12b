// clock.hpp — the server's "now" in unix seconds: the system clock, or (tests and demos
// only, --clock-file) the number in a file, so a test moves time without waiting for it.
#pragma once

#include <cstdint>
#include <functional>

#include "config.hpp"

namespace civic::server {

using Clock = std::function<std::int64_t()>;

// With Config::clock_file: the number in it, or the system clock when the file is missing or
// holds no number. Otherwise the system clock.
Clock make_clock(const Config& config);

}  // namespace civic::server
