// PointSum: additions in extended coordinates, encoded once.
#include "ed25519.hpp"

namespace civic::vote {

using detail::PointAccess;

PointSum::PointSum() { PointAccess::store(extended_, detail::extended_identity()); }

PointSum& PointSum::operator+=(const Point& p) {
  detail::count_point_add();
  PointAccess::store(extended_,
                     detail::add(PointAccess::load(extended_), PointAccess::extended(p)));
  return *this;
}

PointSum& PointSum::operator+=(const PointSum& other) {
  detail::count_point_add();
  PointAccess::store(extended_,
                     detail::add(PointAccess::load(extended_), PointAccess::load(other.extended_)));
  return *this;
}

Point PointSum::point() const { return PointAccess::from_extended(PointAccess::load(extended_)); }

}  // namespace civic::vote
