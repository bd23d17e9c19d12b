#include <string>

#include "../core/json_read.hpp"
#include "civic/geo.hpp"

namespace civic::geo {

namespace {

using Json = nlohmann::ordered_json;

Error bad_polygon(std::string path, const char* what_en, const char* what_bg) {
  return Error{"geo.bad_polygon",
               std::move(path),
               {std::string("Границата не е валиден GeoJSON многоъгълник: ") + what_bg,
                std::string("The boundary is not a valid GeoJSON polygon: ") + what_en},
               Json::object()};
}

Result<Ring> ring_of(const Json& positions, const std::string& path) {
  if (!positions.is_array() || positions.size() < 3) {
    return bad_polygon(path, "a ring needs at least 3 positions", "контурът има под 3 точки");
  }
  Ring ring;
  for (size_t i = 0; i < positions.size(); ++i) {
    const Json& position = positions[i];
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() ||
        !position[1].is_number()) {
      return bad_polygon(path + "/" + std::to_string(i), "a position is [x, y]",
                         "точката трябва да е [x, y]");
    }
    ring.push_back({position[0].get<double>(), position[1].get<double>()});
  }
  return ring;
}

Result<Polygon> polygon_of(const Json& rings, const std::string& path) {
  if (!rings.is_array() || rings.empty()) {
    return bad_polygon(path, "a polygon is a list of rings", "многоъгълникът е списък контури");
  }
  Polygon polygon;
  for (size_t i = 0; i < rings.size(); ++i) {
    auto ring = ring_of(rings[i], path + "/" + std::to_string(i));
    if (!ring) return ring.error();
    if (i == 0) {
      polygon.outer = std::move(ring).value();
    } else {
      polygon.holes.push_back(std::move(ring).value());
    }
  }
  return polygon;
}

Result<std::vector<Polygon>> geometry_of(const Json& geometry, const std::string& path) {
  const Json* type = json_read::member(geometry, "type");
  const Json* coordinates_member = json_read::member(geometry, "coordinates");
  if (type == nullptr || coordinates_member == nullptr) {
    return bad_polygon(path, "type and coordinates expected", "очакват се type и coordinates");
  }
  const Json& coordinates = *coordinates_member;
  const std::string coordinates_path = path + "/coordinates";
  if (*type == "Polygon") {
    auto polygon = polygon_of(coordinates, coordinates_path);
    if (!polygon) return polygon.error();
    return std::vector<Polygon>{std::move(polygon).value()};
  }
  if (*type == "MultiPolygon" && coordinates.is_array()) {
    std::vector<Polygon> polygons;
    for (size_t i = 0; i < coordinates.size(); ++i) {
      auto polygon = polygon_of(coordinates[i], coordinates_path + "/" + std::to_string(i));
      if (!polygon) return polygon.error();
      polygons.push_back(std::move(polygon).value());
    }
    return polygons;
  }
  return bad_polygon(path + "/type", "Polygon or MultiPolygon expected",
                     "очаква се Polygon или MultiPolygon");
}

}  // namespace

Result<std::vector<Polygon>> parse_geojson(const Json& geojson) {
  const std::string type = json_read::string_or(geojson, "type");
  if (type == "FeatureCollection") {
    const Json& features = json_read::member_or_null(geojson, "features");
    if (!features.is_array() || features.empty()) {
      return bad_polygon("/features", "one feature expected", "очаква се един обект");
    }
    std::vector<Polygon> all;
    for (size_t i = 0; i < features.size(); ++i) {
      std::string path("/features/");
      path.append(std::to_string(i)).append("/geometry");
      auto polygons = geometry_of(json_read::member_or_null(features[i], "geometry"), path);
      if (!polygons) return polygons.error();
      all.insert(all.end(), polygons->begin(), polygons->end());
    }
    return all;
  }
  if (type == "Feature") {
    return geometry_of(json_read::member_or_null(geojson, "geometry"), "/geometry");
  }
  return geometry_of(geojson, "");
}

}  // namespace civic::geo
