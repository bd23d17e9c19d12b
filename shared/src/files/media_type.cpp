#include <algorithm>
#include <array>

#include "civic/files.hpp"

namespace civic::files {

namespace {

constexpr std::uint16_t kAny = 0x100;  // matches any byte

// A media type and the bytes its files start with (the first `length` of `bytes`).
struct Signature {
  std::string_view media_type;
  std::array<std::uint16_t, 12> bytes;
  std::size_t length;
};

constexpr std::array<Signature, 7> kSignatures = {{
    {"application/pdf", {'%', 'P', 'D', 'F', '-'}, 5},
    {"image/jpeg", {0xFF, 0xD8, 0xFF}, 3},
    {"image/png", {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 8},
    {"image/gif", {'G', 'I', 'F', '8', kAny, 'a'}, 6},
    {"image/tiff", {'I', 'I', 0x2A, 0x00}, 4},
    {"image/tiff", {'M', 'M', 0x00, 0x2A}, 4},
    {"image/webp", {'R', 'I', 'F', 'F', kAny, kAny, kAny, kAny, 'W', 'E', 'B', 'P'}, 12},
}};
static_assert(std::all_of(kSignatures.begin(), kSignatures.end(),
                          [](const Signature& s) { return s.length <= kSniffBytes; }));

bool starts_with(std::span<const std::uint8_t> head, const Signature& signature) {
  if (head.size() < signature.length) return false;
  for (std::size_t i = 0; i < signature.length; ++i) {
    if (signature.bytes[i] != kAny && head[i] != signature.bytes[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view media_type_of(std::span<const std::uint8_t> head) {
  for (const Signature& signature : kSignatures) {
    if (starts_with(head, signature)) return signature.media_type;
  }
  return {};
}

}  // namespace civic::files
