// Byte encodings and primitives of the envelope module (internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civic/envelope.hpp"

namespace civic::envelope {

using Bytes = std::vector<std::uint8_t>;

// Standard base64 with padding (RFC 4648 §4).
std::string to_base64(const Bytes& bytes);
// Strict: the whole text must be canonical padded base64.
std::optional<Bytes> from_base64(std::string_view text);

// Exactly `size` bytes written as 2·size hex digits (either case), nothing else.
std::optional<Bytes> from_hex(std::string_view text, std::size_t size);

// hex(BLAKE2b-256(bytes)), unkeyed.
std::string blake2b_256_hex(std::string_view bytes);

// Errors of this module.
Error malformed(std::string path, const char* expected_bg, const char* expected_en);
Error bad_key(std::string path);
Error unusable_key(std::string path);  // a well-formed public key of low order

}  // namespace civic::envelope
