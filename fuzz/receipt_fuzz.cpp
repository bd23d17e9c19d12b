// Fuzz target: any JSON as a signed receipt, verified against the public key of the
// receipt.verify vectors.
#include <cstddef>
#include <cstdint>

#include "civic/receipt.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = civic::fuzz::parse(data, size);
  if (!json) return 0;
  static const civic::receipt::PublicKey kKey =
      civic::receipt::parse_public_key(
          "0d7550754e0800a5d237eef5826035766b9b3e5a15868a940ab289958788e3b0")
          .value();
  (void)civic::receipt::verify(*json, kKey);
  return 0;
}
