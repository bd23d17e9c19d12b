#include "civic/vote/transcript.hpp"

#include <sodium.h>

namespace civic::vote {

namespace {

void append_le(std::vector<std::uint8_t>& out, std::uint64_t value, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i)
    out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

}  // namespace

Transcript::Transcript(std::string_view tag) {
  data_.reserve(512);
  text(tag);
}

Transcript& Transcript::bytes(std::span<const std::uint8_t> item) {
  append_le(data_, item.size(), 4);
  data_.insert(data_.end(), item.begin(), item.end());
  return *this;
}

Transcript& Transcript::text(std::string_view item) {
  return bytes({reinterpret_cast<const std::uint8_t*>(item.data()), item.size()});
}

Transcript& Transcript::u32(std::uint32_t item) {
  append_le(data_, 4, 4);
  append_le(data_, item, 4);
  return *this;
}

Transcript& Transcript::u64(std::uint64_t item) {
  append_le(data_, 8, 4);
  append_le(data_, item, 8);
  return *this;
}

Bytes32 Transcript::digest() const {
  Bytes32 out;
  crypto_generichash(out.data(), out.size(), data_.data(), data_.size(), nullptr, 0);
  return out;
}

Scalar Transcript::challenge() const {
  std::array<std::uint8_t, 64> wide;
  crypto_generichash(wide.data(), wide.size(), data_.data(), data_.size(), nullptr, 0);
  return scalar_from_wide(wide);
}

}  // namespace civic::vote
