#include "civic/rng.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace civic {

SeededRng::SeededRng(std::span<const std::uint8_t, kSeedBytes> seed) {
  std::copy(seed.begin(), seed.end(), key_.begin());
}

SeededRng::~SeededRng() {
  sodium_memzero(key_.data(), key_.size());
  sodium_memzero(buffer_.data(), buffer_.size());
}

void SeededRng::fill(std::span<std::uint8_t> out) {
  static constexpr std::array<std::uint8_t, crypto_stream_chacha20_ietf_NONCEBYTES> kNonce{};
  static constexpr std::array<std::uint8_t, 64> kZeros{};
  while (!out.empty()) {
    if (buffered_ == 0) {
      crypto_stream_chacha20_ietf_xor_ic(buffer_.data(), kZeros.data(), kZeros.size(),
                                         kNonce.data(), block_counter_++, key_.data());
      buffered_ = buffer_.size();
    }
    const std::size_t take = std::min(buffered_, out.size());
    std::memcpy(out.data(), buffer_.data() + (buffer_.size() - buffered_), take);
    sodium_memzero(buffer_.data() + (buffer_.size() - buffered_), take);
    buffered_ -= take;
    out = out.subspan(take);
  }
}

}  // namespace civic
