// Decimal ↔ double conversions, exact, without the C library's strtod and printf (which pull
// their long double code into the wasm module).
//
//   to_double("125", -1)           // 12.5, the double strtod reads from "12.5"
//   shortest_digits(12.5)          // {"125", 3, 2}: 0.125 × 10^2
#pragma once

#include <string_view>

namespace civic::decimal_double {

// The double nearest to `digits` × 10^`exponent` (ties to even; infinity past the largest
// double), as strtod reads the same decimal. `digits`: ASCII digits, any count, zeros allowed
// at either end.
double to_double(std::string_view digits, long long exponent);

// The shortest decimal 0.d1d2…dk × 10^point that reads back as `value`, and among those of
// that length the nearest to it (ties to an even last digit): ECMAScript's Number::toString
// digits. Precondition: `value` finite and positive.
struct Digits {
  char digits[17];
  int count;
  int point;
};
Digits shortest_digits(double value);

}  // namespace civic::decimal_double
