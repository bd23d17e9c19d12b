// Fuzz target: any JSON canonicalised (RFC 8785). Property: canonicalisation is a fixed point,
// canonicalize(parse(canonicalize(x))) == canonicalize(x), and its output is JSON.
#include <cstddef>
#include <cstdint>

#include "civic/jcs.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = civic::fuzz::parse(data, size);
  if (!json) return 0;
  const auto canonical = civic::jcs::canonicalize(*json);
  if (!canonical) return 0;
  const auto reparsed = civic::fuzz::Json::parse(*canonical, nullptr, /*allow_exceptions=*/false);
  civic::fuzz::require(!reparsed.is_discarded(), "canonical output is not JSON: " + *canonical);
  const auto again = civic::jcs::canonicalize(reparsed);
  civic::fuzz::require(again && *again == *canonical,
                       "canonicalisation is not a fixed point: " + *canonical);
  return 0;
}
