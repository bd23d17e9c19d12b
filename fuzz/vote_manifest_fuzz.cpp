// Fuzz target: any JSON as an election manifest; a parsed manifest must read and write
// selections (the voter's choices) over it.
#include <cstddef>
#include <cstdint>

#include "civic/vote.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = civic::fuzz::parse(data, size);
  if (!json) return 0;
  const auto manifest = civic::vote::parse_manifest(*json);
  if (!manifest) return 0;
  civic::vote::Selections none;
  for (const auto& contest : manifest->contests) none.emplace_back(contest.options.size(), 0);
  (void)civic::vote::check_selections(*manifest, none);
  (void)civic::api::dump(civic::vote::selections_to_json(*manifest, none));
  return 0;
}
