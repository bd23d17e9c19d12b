#include "random.hpp"

#include <sodium.h>

#include <array>
#include <span>
#include <chrono>
#include <ctime>
#include <vector>

#include "civic/envelope.hpp"

namespace civic::server {

std::string random_hex(std::size_t bytes) {
  std::vector<std::uint8_t> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return envelope::to_hex(buffer.data(), buffer.size());
}

namespace {

// The core's randomness parameter, drawn from libsodium's CSPRNG.
class SystemRng final : public Rng {
 public:
  void fill(std::span<std::uint8_t> out) override { randombytes_buf(out.data(), out.size()); }
};

}  // namespace

std::string new_code(reference::Kind kind) {
  SystemRng rng;
  return reference::make(kind, rng);
}

std::string hash_hex(const std::string& text) {
  std::array<std::uint8_t, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  return envelope::to_hex(digest.data(), digest.size());
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string utc_timestamp(std::int64_t unix_seconds) {
  const auto time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  std::array<char, 32> text{};
  const auto size = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(text.data(), size);
}

}  // namespace civic::server
