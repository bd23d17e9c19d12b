#include "address_handlers.hpp"
#include "civic/geo.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

// geo.inside {"point":[x,y],"polygon": GeoJSON Polygon/MultiPolygon/Feature/FeatureCollection}
//   → {"inside": bool (boundary counts as inside), "location": "inside"|"boundary"|"outside"}
Json geo_inside_handler(const Request& request) {
  auto point = required_member(request, "point");
  if (!point) return failure(point.error());
  if (!point->is_array() || point->size() != 2 || !(*point)[0].is_number() ||
      !(*point)[1].is_number()) {
    return failure(
        Error{"api.bad_request",
              "/point",
              {"Точката трябва да е [дължина, ширина]", "The point must be [longitude, latitude]"},
              {{"field", "point"}}});
  }
  auto geojson = required_member(request, "polygon");
  if (!geojson) return failure(geojson.error());
  auto polygons = geo::parse_geojson(*geojson);
  if (!polygons) return failure(prefixed(polygons.error(), "/polygon"));
  const geo::Location location =
      geo::locate({(*point)[0].get<double>(), (*point)[1].get<double>()}, *polygons);
  static constexpr const char* kNames[] = {"outside", "boundary", "inside"};
  return Json{{"inside", location != geo::Location::outside},
              {"location", kNames[static_cast<int>(location)]}};
}

}  // namespace civic::api
