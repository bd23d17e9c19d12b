// ECMAScript Number::toString (ECMA-262 §6.1.6.1.20) for finite doubles: the shortest
// decimal that reads back as the value, the nearest of those (decimal_double.hpp), written in
// ES notation.
#include <cmath>
#include <string>

#include "../core/decimal_double.hpp"
#include "civic/jcs.hpp"

namespace civic::jcs {

std::string format_number(double value) {
  if (value == 0) return "0";  // also -0
  // An integer below 2^53 is its own shortest form, written without an exponent below 10^21:
  // the common case (counts, amounts, years) skips the search.
  constexpr double kTwoTo53 = 9007199254740992.0;
  if (std::fabs(value) < kTwoTo53 && value == std::trunc(value)) {
    return std::to_string(static_cast<long long>(value));
  }
  std::string out(value < 0 ? 1 : 0, '-');
  const auto shortest = decimal_double::shortest_digits(std::fabs(value));
  const std::string_view digits(shortest.digits, static_cast<size_t>(shortest.count));
  const int k = shortest.count;
  const int n = shortest.point;  // the decimal point sits after n digits
  const auto count = [](int digit_count) { return static_cast<size_t>(digit_count); };
  if (k <= n && n <= 21) {
    out.append(digits).append(count(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, count(n)).append(1, '.').append(digits, count(n));
  } else if (-6 < n && n <= 0) {
    out.append("0.").append(count(-n), '0').append(digits);
  } else {
    out.append(digits, 0, 1);
    if (k > 1) out.append(1, '.').append(digits, 1);
    out.append(n - 1 < 0 ? "e-" : "e+").append(std::to_string(std::abs(n - 1)));
  }
  return out;
}

}  // namespace civic::jcs
