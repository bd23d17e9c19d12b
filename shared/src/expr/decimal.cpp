#include <cmath>
#include <cstdint>
#include <limits>

#include "civic/expr.hpp"
#include "decimal_ops.hpp"

namespace civic::expr {

namespace {

__extension__ using Wide = __int128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::optional<Decimal> narrow(Wide value) {
  if (value > kMax || value < kMin) return std::nullopt;
  return Decimal::from_micros(static_cast<std::int64_t>(value));
}

// numerator / denominator rounded half away from zero.
Wide divide_rounded(Wide numerator, Wide denominator) {
  const bool negative = (numerator < 0) != (denominator < 0);
  const Wide n = numerator < 0 ? -numerator : numerator;
  const Wide d = denominator < 0 ? -denominator : denominator;
  const Wide q = (n + d / 2) / d;
  return negative ? -q : q;
}

}  // namespace

std::optional<Decimal> Decimal::from_integer(std::int64_t value) {
  return narrow(static_cast<Wide>(value) * kScale);
}

std::optional<Decimal> Decimal::from_double(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  const double scaled = std::round(value * static_cast<double>(kScale));
  if (std::fabs(scaled) >= 9.2e18) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(scaled));
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) pos = 1;
  Wide whole = 0, fraction = 0;
  std::size_t digits = 0, fraction_digits = 0;
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++digits) {
    whole = whole * 10 + (text[pos] - '0');
    if (whole > kMax) return std::nullopt;
  }
  if (digits == 0) return std::nullopt;
  if (pos < text.size() && text[pos] == '.') {
    for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      if (++fraction_digits > 6) return std::nullopt;
      fraction = fraction * 10 + (text[pos] - '0');
    }
    if (fraction_digits == 0) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  for (std::size_t i = fraction_digits; i < 6; ++i) fraction *= 10;
  const Wide micros = whole * kScale + fraction;
  return narrow(negative ? -micros : micros);
}

std::string Decimal::to_string() const {
  const bool negative = micros_ < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(micros_) : static_cast<std::uint64_t>(micros_);
  std::string out = std::to_string(magnitude / kScale);
  std::uint64_t fraction = magnitude % kScale;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += '.';
    out += digits;
  }
  return negative ? "-" + out : out;
}

Json Decimal::to_json() const {
  if (is_integer()) return Json(micros_ / kScale);
  return Json(static_cast<double>(micros_) / static_cast<double>(kScale));
}

namespace decimal {

std::optional<Decimal> add(Decimal a, Decimal b) {
  return narrow(static_cast<Wide>(a.micros()) + b.micros());
}

std::optional<Decimal> subtract(Decimal a, Decimal b) {
  return narrow(static_cast<Wide>(a.micros()) - b.micros());
}

std::optional<Decimal> multiply(Decimal a, Decimal b) {
  return narrow(divide_rounded(static_cast<Wide>(a.micros()) * b.micros(), Decimal::kScale));
}

std::optional<Decimal> divide(Decimal a, Decimal b) {
  return narrow(divide_rounded(static_cast<Wide>(a.micros()) * Decimal::kScale, b.micros()));
}

Decimal remainder(Decimal a, Decimal b) {
  return Decimal::from_micros(
      static_cast<std::int64_t>(static_cast<Wide>(a.micros()) % b.micros()));
}

}  // namespace decimal

}  // namespace civic::expr
