// civic/geo.hpp — point in polygon, for "is this location inside the municipality".
//
// Coordinates are plain numbers (GeoJSON order: x = longitude, y = latitude); the test is
// planar, which is exact enough for a city-sized polygon.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "civic/result.hpp"

namespace civic::geo {

struct Point {
  double x = 0;  // longitude
  double y = 0;  // latitude
};

using Ring = std::vector<Point>;  // closed or not: the last point may repeat the first

// One GeoJSON polygon: an outer ring and holes. A MultiPolygon is a vector of these.
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

enum class Location { outside, boundary, inside };

// Where `point` lies. Points on an edge or a vertex (of the outer ring or of a hole) are
// `boundary`; the result does not depend on the direction or starting vertex of a ring.
Location locate(Point point, const Polygon& polygon);
Location locate(Point point, const std::vector<Polygon>& polygons);

// inside or on the boundary.
bool inside(Point point, const Polygon& polygon);
bool inside(Point point, const std::vector<Polygon>& polygons);

// A GeoJSON Polygon or MultiPolygon geometry, or a Feature / FeatureCollection holding one.
// Error geo.bad_polygon (path = where the shape is wrong).
Result<std::vector<Polygon>> parse_geojson(const nlohmann::ordered_json& geojson);

}  // namespace civic::geo
