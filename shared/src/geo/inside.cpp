#include "civic/geo.hpp"

namespace civic::geo {

namespace {

// Twice the signed area of (a, b, p): > 0 when p is left of a→b.
double cross(Point a, Point b, Point p) {
  return (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y);
}

bool on_segment(Point a, Point b, Point p) {
  if (cross(a, b, p) != 0) return false;
  return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
         p.y <= std::max(a.y, b.y);
}

// Crossing number with half-open edges (a vertex on the ray counts for one edge only).
Location locate_ring(Point p, const Ring& ring) {
  bool in = false;
  const size_t n = ring.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point a = ring[j], b = ring[i];
    if (on_segment(a, b, p)) return Location::boundary;
    if ((a.y > p.y) != (b.y > p.y)) {
      const double side = cross(a, b, p);
      if (b.y > a.y ? side > 0 : side < 0) in = !in;
    }
  }
  return in ? Location::inside : Location::outside;
}

}  // namespace

Location locate(Point point, const Polygon& polygon) {
  if (polygon.outer.size() < 3) return Location::outside;
  const Location outer = locate_ring(point, polygon.outer);
  if (outer != Location::inside) return outer;
  for (const Ring& hole : polygon.holes) {
    if (hole.size() < 3) continue;
    const Location in_hole = locate_ring(point, hole);
    if (in_hole == Location::boundary) return Location::boundary;
    if (in_hole == Location::inside) return Location::outside;
  }
  return Location::inside;
}

Location locate(Point point, const std::vector<Polygon>& polygons) {
  Location best = Location::outside;
  for (const Polygon& polygon : polygons) {
    const Location here = locate(point, polygon);
    if (here == Location::inside) return here;
    if (here == Location::boundary) best = here;
  }
  return best;
}

bool inside(Point point, const Polygon& polygon) {
  return locate(point, polygon) != Location::outside;
}

bool inside(Point point, const std::vector<Polygon>& polygons) {
  return locate(point, polygons) != Location::outside;
}

}  // namespace civic::geo
