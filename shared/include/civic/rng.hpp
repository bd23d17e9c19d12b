// civic/rng.hpp — randomness as a parameter.
//
// The core never draws randomness on its own: every function that needs it takes an
// Rng&. Production callers pass a SeededRng seeded once from the platform's CSPRNG
// (randombytes_buf natively, crypto.getRandomValues in the browser); tests pass a
// fixed seed and get byte-identical output natively and in wasm.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace civic {

class Rng {
 public:
  virtual ~Rng() = default;
  // Fills `out` with random bytes.
  virtual void fill(std::span<std::uint8_t> out) = 0;
};

// A deterministic stream cipher RNG: ChaCha20 (IETF) keyed with a 32-byte seed.
// One seed expands to 2^38 bytes; under Emscripten this draws on the platform once
// instead of once per byte.
class SeededRng final : public Rng {
 public:
  static constexpr std::size_t kSeedBytes = 32;
  explicit SeededRng(std::span<const std::uint8_t, kSeedBytes> seed);
  ~SeededRng() override;
  SeededRng(const SeededRng&) = delete;
  SeededRng& operator=(const SeededRng&) = delete;

  void fill(std::span<std::uint8_t> out) override;

 private:
  std::array<std::uint8_t, kSeedBytes> key_;
  std::uint32_t block_counter_ = 0;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;  // unread bytes at the end of buffer_
};

}  // namespace civic
