// Checked decimal arithmetic (internal to the expr module): nullopt on overflow.
#pragma once

#include <optional>

#include "civic/expr.hpp"

namespace civic::expr::decimal {

std::optional<Decimal> add(Decimal a, Decimal b);
std::optional<Decimal> subtract(Decimal a, Decimal b);
// Rounded to the nearest millionth, ties away from zero.
std::optional<Decimal> multiply(Decimal a, Decimal b);
// Precondition: b != 0. Rounded like multiply().
std::optional<Decimal> divide(Decimal a, Decimal b);
// The remainder of a / b with the sign of a (truncated division). Precondition: b != 0.
Decimal remainder(Decimal a, Decimal b);

}  // namespace civic::expr::decimal
