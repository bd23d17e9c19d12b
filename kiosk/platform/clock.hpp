// kiosk/platform/clock.hpp — the clock and the random bytes the model takes as parameters.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "civic/date.hpp"

namespace civic::kiosk {

std::string utc_now();  // "YYYY-MM-DDTHH:MM:SSZ"
Date utc_today();
double monotonic_seconds();
// 32 bytes from libsodium's CSPRNG (the browser's crypto.getRandomValues in wasm).
std::array<std::uint8_t, 32> random_seed();

}  // namespace civic::kiosk
