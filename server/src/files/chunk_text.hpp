// chunk_text.hpp — sealed bytes as the portable SQL layer stores them (base64 text), and hex.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace civic::server {

// Standard base64 with padding.
std::string to_base64(std::span<const std::uint8_t> bytes);
std::optional<std::vector<std::uint8_t>> from_base64(std::string_view text);

// Exactly `size` bytes written as 2·size hex digits (either case), nothing else.
std::optional<std::vector<std::uint8_t>> from_hex(std::string_view text, std::size_t size);

}  // namespace civic::server
