// callback_signature.hpp — the HMAC-SHA256 that authenticates a payment provider's callback.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace civic::server {

using CallbackKey = std::array<std::uint8_t, 32>;

// hex(HMAC-SHA256(key, body)), 64 lower-case hex digits.
std::string callback_signature(const CallbackKey& key, const std::string& body);

// Whether `signature` (hex, either case) is the body's signature; compared in constant time.
bool callback_signature_matches(const CallbackKey& key, const std::string& body,
                                const std::string& signature);

}  // namespace civic::server
