// random.hpp — the server's randomness (libsodium's CSPRNG) and clock, in one place.
#pragma once

#include <cstdint>
#include <string>

#include "civic/reference.hpp"

namespace civic::server {

// `bytes` random bytes as lower-case hex.
std::string random_hex(std::size_t bytes);

// A new random reference or status code (civic/reference.hpp), canonical.
std::string new_code(reference::Kind kind);

// hex(BLAKE2b-256(text)): how secrets (tokens) are stored.
std::string hash_hex(const std::string& text);

// Seconds since the epoch, and that instant as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
std::int64_t unix_now();
std::string utc_timestamp(std::int64_t unix_seconds);

}  // namespace civic::server
