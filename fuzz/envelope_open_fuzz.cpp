// Fuzz target: any JSON as a submission envelope, opened as the server opens one (shape,
// content hash, recipient, sealed box) with the secret key of the envelope.open vectors.
#include <cstddef>
#include <cstdint>

#include "civic/envelope.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = civic::fuzz::parse(data, size);
  if (!json) return 0;
  static const civic::envelope::SecretKey kSecret =
      civic::envelope::parse_secret_key(
          "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1")
          .value();
  (void)civic::envelope::open(*json, kSecret);
  return 0;
}
