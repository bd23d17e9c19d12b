// civic/vote/transcript.hpp — every hash of the vote module, domain-separated.
//
// A transcript is a list of byte strings; it is hashed as, for each item in order,
//   u32le(length) || bytes
// with BLAKE2b (libsodium crypto_generichash, no key). The first item is always the
// domain tag, "civic/vote/v1/<name>". Integers are items of their fixed width
// (u32le: 4 bytes, u64le: 8 bytes); points and scalars are their 32-byte encodings.
// digest() is BLAKE2b-256; challenge() is BLAKE2b-512 reduced modulo L.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "civic/vote/group.hpp"

namespace civic::vote {

class Transcript {
 public:
  explicit Transcript(std::string_view tag);

  Transcript& bytes(std::span<const std::uint8_t> item);
  Transcript& text(std::string_view item);  // UTF-8 bytes
  Transcript& u32(std::uint32_t item);
  Transcript& u64(std::uint64_t item);
  Transcript& point(const Point& item) { return bytes(item.bytes()); }
  Transcript& scalar(const Scalar& item) { return bytes(item.bytes); }

  Bytes32 digest() const;    // BLAKE2b-256
  Scalar challenge() const;  // BLAKE2b-512 mod L

 private:
  std::vector<std::uint8_t> data_;
};

}  // namespace civic::vote
