// Fuzz target: any JSON as a profile bundle (what a web app or kiosk fetches from a server).
// Loading must refuse with errors or give a profile, never both or neither.
#include <cstddef>
#include <cstdint>

#include "civic/profile.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bundle = civic::fuzz::parse(data, size);
  if (!bundle) return 0;
  const civic::profile::Loaded loaded = civic::profile::load(*bundle);
  civic::fuzz::require((loaded.profile != nullptr) == loaded.errors.empty(),
                       "a profile load gave both or neither a profile and errors");
  return 0;
}
