// location.hpp — "the voter is in the municipality", as the browser reports it.
//
// The browser's geolocation {"lat", "lon"} (WGS 84 degrees) is checked against the profile's
// municipality boundary (civic/geo.hpp; on the boundary counts as inside). The web app runs
// the same check first for a fast answer; the server's check is the one that counts.
// What this proves: only that the voter's browser *reported* a point inside. A browser, an
// extension or a developer console can report any point, so this is a condition of the
// programme (as in the seed programme), not evidence of where anybody was.
#pragma once

#include <optional>
#include <vector>

#include "civic/geo.hpp"
#include "civic/result.hpp"

namespace civic::server::elections {

// nullopt when inside; else vote.location.missing (no location, or not two finite numbers in
// range) or vote.location.outside.
std::optional<Error> check_location(const nlohmann::ordered_json& location,
                                    const std::vector<geo::Polygon>& boundary);

}  // namespace civic::server::elections
