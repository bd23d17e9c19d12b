#include "civic/geo.hpp"

#include <gtest/gtest.h>

namespace civic {
namespace {

using geo::Location;

const geo::Polygon kSquare{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{{1, 1}, {2, 1}, {2, 2}, {1, 2}}}};

TEST(Geo, InsideOutsideAndHoles) {
  EXPECT_EQ(geo::locate({3, 3}, kSquare), Location::inside);
  EXPECT_EQ(geo::locate({5, 1}, kSquare), Location::outside);
  EXPECT_EQ(geo::locate({1.5, 1.5}, kSquare), Location::outside);  // in the hole
  EXPECT_EQ(geo::locate({-1, 0}, kSquare), Location::outside);     // on an edge's line
}

TEST(Geo, EdgesAndVerticesAreBoundary) {
  for (geo::Point p : {geo::Point{0, 0}, {4, 4}, {2, 0}, {4, 2}, {0, 3}, {1, 1}, {1.5, 2}}) {
    EXPECT_EQ(geo::locate(p, kSquare), Location::boundary) << p.x << "," << p.y;
    EXPECT_TRUE(geo::inside(p, kSquare));
  }
}

TEST(Geo, RayThroughAVertexCountsOnce) {
  const geo::Polygon diamond{{{2, 0}, {4, 2}, {2, 4}, {0, 2}}, {}};
  EXPECT_EQ(geo::locate({1, 2}, diamond), Location::inside);    // ray passes vertex (4,2)
  EXPECT_EQ(geo::locate({-1, 2}, diamond), Location::outside);  // ray passes two vertices
  EXPECT_EQ(geo::locate({5, 2}, diamond), Location::outside);
  const geo::Polygon reversed{{{0, 2}, {2, 4}, {4, 2}, {2, 0}, {0, 2}}, {}};  // closed ring
  EXPECT_EQ(geo::locate({1, 2}, reversed), Location::inside);
  EXPECT_EQ(geo::locate({3, 3}, reversed), Location::boundary);
}

TEST(Geo, ParsesGeoJson) {
  auto polygons = geo::parse_geojson(nlohmann::ordered_json::parse(
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
          "geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],
          [[[5,5],[6,5],[6,6],[5,5]]]]}}]})"));
  ASSERT_TRUE(polygons.ok());
  EXPECT_EQ(polygons->size(), 2u);
  EXPECT_TRUE(geo::inside({5.9, 5.5}, *polygons));
  auto bad = geo::parse_geojson(
      nlohmann::ordered_json::parse(R"({"type":"Polygon","coordinates":[[[0,0],[1,"x"],[1,1]]]})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "geo.bad_polygon");
  EXPECT_EQ(bad.error().path, "/coordinates/0/1");
}

}  // namespace
}  // namespace civic
