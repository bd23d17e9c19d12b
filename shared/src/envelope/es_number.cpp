// ECMAScript Number::toString (ECMA-262 §6.1.6.1.20) for finite doubles.
//
// The shortest round-trip digits come from the C library's correctly rounded "%.*e"
// (glibc and Emscripten's musl both print exactly). A decimal reads back as a normal double
// only within 2^-53 of it (relative), far less than half a unit of a 15-digit decimal, so
// when any decimal of 15 digits or fewer reads back as the value, the value rounded to 15
// digits is that decimal (with zeros after it): one rounding settles the common case.
// Otherwise (or for a subnormal, which many short decimals read back as), for each digit
// count p = 1..17 the correctly rounded p-digit decimal is tried, then its neighbour one unit
// away on either side (the rounding interval of a double at a power of two is lopsided, so
// the nearest p-digit decimal may fall outside it while a neighbour falls inside). The first
// candidate that reads back as the value is the shortest; among equals the nearest.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "civic/jcs.hpp"

namespace civic::jcs {

namespace {

// A decimal d1.d2d3...dk × 10^exponent with k = digits.size(), digits without zeros at the end.
struct Decimal {
  std::string digits;
  int exponent = 0;
};

Decimal rounded(double magnitude, int digit_count) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.*e", digit_count - 1, magnitude);
  Decimal decimal;
  const char* at = buffer;
  for (; *at != 'e'; ++at) {
    if (*at != '.') decimal.digits += *at;
  }
  decimal.exponent = std::atoi(at + 1);
  return decimal;
}

// `decimal` moved by one unit in its last digit (+1 or -1); empty digits when it leaves
// the digit count (9.99 + 0.01, 1.00 - 0.01), which a shorter candidate already covered.
Decimal neighbour(Decimal decimal, int step) {
  std::string& d = decimal.digits;
  for (size_t i = d.size(); i-- > 0;) {
    if (step > 0 && d[i] != '9') {
      ++d[i];
      return decimal;
    }
    if (step < 0 && d[i] != '0') {
      --d[i];
      if (i == 0 && d[0] == '0') d.clear();
      return decimal;
    }
    d[i] = step > 0 ? '0' : '9';
  }
  d.clear();
  return decimal;
}

bool reads_back(const Decimal& decimal, double magnitude) {
  if (decimal.digits.empty()) return false;
  std::string text;
  text.append(decimal.digits, 0, 1).append(1, '.').append(decimal.digits, 1);
  text.append(1, 'e').append(std::to_string(decimal.exponent));
  return std::strtod(text.c_str(), nullptr) == magnitude;
}

Decimal shortest(double magnitude) {
  constexpr int kExactDigits = 15;
  const Decimal fifteen = rounded(magnitude, kExactDigits);
  if (magnitude >= std::numeric_limits<double>::min() && reads_back(fifteen, magnitude)) {
    return fifteen;  // its zeros at the end are dropped by the caller
  }
  for (int count = 1; count < 17; ++count) {
    const Decimal nearest = rounded(magnitude, count);
    if (reads_back(nearest, magnitude)) return nearest;
    for (int step : {1, -1}) {
      const Decimal other = neighbour(nearest, step);
      if (reads_back(other, magnitude)) return other;
    }
  }
  return rounded(magnitude, 17);  // 17 significant digits always read back
}

}  // namespace

std::string format_number(double value) {
  if (value == 0) return "0";  // also -0
  // An integer below 2^53 is its own shortest form, written without an exponent below 10^21:
  // the common case (counts, amounts, years) skips the search.
  constexpr double kTwoTo53 = 9007199254740992.0;
  if (std::fabs(value) < kTwoTo53 && value == std::trunc(value)) {
    return std::to_string(static_cast<long long>(value));
  }
  std::string out(value < 0 ? 1 : 0, '-');
  Decimal decimal = shortest(std::fabs(value));
  std::string& digits = decimal.digits;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = decimal.exponent + 1;  // the decimal point sits after n digits
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
