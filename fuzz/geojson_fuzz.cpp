// Fuzz target: any JSON as a GeoJSON boundary (Polygon, MultiPolygon, Feature,
// FeatureCollection); a parsed boundary must locate points inside, on and far outside it.
#include <cstddef>
#include <cstdint>
#include <limits>

#include "civic/geo.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = civic::fuzz::parse(data, size);
  if (!json) return 0;
  const auto polygons = civic::geo::parse_geojson(*json);
  if (!polygons) return 0;
  constexpr double kHuge = std::numeric_limits<double>::max();
  for (const civic::geo::Point point : {civic::geo::Point{23.32, 42.69}, civic::geo::Point{0, 0},
                                        civic::geo::Point{kHuge, -kHuge}}) {
    (void)civic::geo::locate(point, *polygons);
  }
  return 0;
}
