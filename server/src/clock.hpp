// clock.hpp — the server's time where tests must move it: unix seconds from the system clock,
// or from Config::clock_file (a number in a file that tests rewrite) so that expiries are
// tested without sleeping. Never set clock_file in production.
#pragma once

#include <cstdint>
#include <functional>

#include "config.hpp"

namespace civic::server {

using Clock = std::function<std::int64_t()>;

// The system clock, or Config::clock_file's number (the system clock while the file is
// missing or holds no number).
Clock make_clock(const Config& config);

}  // namespace civic::server
