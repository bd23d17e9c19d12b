// civic/vote/manifest.hpp — the election manifest and its base hash.
//
// A manifest (JSON, docs/vote-spec.md §3):
//   {"id": "...", "title": {"bg","en"},
//    "contests": [{"id", "title": {"bg","en"}, "min": 0, "max": 4,
//                  "options": [{"id", "title": {"bg","en"}, "cost"?: 120000}]}]}
// "cost" (whole leva) is informational. A contest "budget" cap is refused
// (vote.manifest.budget_unsupported): a cap would need a zero-knowledge proof of the
// weighted sum, which this version does not make. Unknown fields are refused too,
// so everything a manifest says is covered by its hash.
//
// The base hash is bound into every proof, code and signature; once voting opens
// the manifest is frozen by it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "civic/result.hpp"
#include "civic/vote/group.hpp"

namespace civic::vote {

using Json = nlohmann::ordered_json;

struct Title {
  std::string bg;
  std::string en;
};

struct Option {
  std::string id;
  Title title;
  std::optional<std::uint64_t> cost;
};

struct Contest {
  std::string id;
  Title title;
  std::uint32_t min = 0;  // fewest options a voter must select
  std::uint32_t max = 0;  // most options a voter may select
  std::vector<Option> options;

  // The selection-count proof is omitted when every count is allowed (0..#options).
  bool needs_selection_proof() const { return min != 0 || max != options.size(); }
};

struct Manifest {
  std::string id;
  Title title;
  std::vector<Contest> contests;
  Bytes32 base_hash{};  // computed by parse_manifest
};

inline constexpr std::size_t kMaxContests = 64;
inline constexpr std::size_t kMaxOptions = 1000;

// Errors: vote.manifest.* with a JSON-pointer path (shape, empty id, duplicate id,
// limits, min > max, budget_unsupported, unknown_field).
Result<Manifest> parse_manifest(const Json& json);

}  // namespace civic::vote
