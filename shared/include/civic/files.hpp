// civic/files.hpp — what a file is, told from its bytes.
//
// A citizen's attachment is checked by its first bytes (its "magic number"), never by its name:
// a scan renamed to .pdf is still a JPEG. The browser (through wasm) checks before it keeps a
// file; the server checks again after opening the sealed bytes. Same answer on both sides.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace civic::files {

// How many leading bytes media_type_of needs to decide.
inline constexpr std::size_t kSniffBytes = 16;

// The media type of a file starting with `head` (its first kSniffBytes bytes, or all of a
// shorter file): "application/pdf", "image/jpeg", "image/png", "image/gif", "image/tiff",
// "image/webp"; an empty view when the bytes are none of these.
std::string_view media_type_of(std::span<const std::uint8_t> head);

}  // namespace civic::files
