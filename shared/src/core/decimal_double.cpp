// Exact decimal ↔ double conversions on a small fixed-size big integer.
//
// Reading: Clinger's fast path when the digits and the power of ten are both exact doubles;
// otherwise an approximation from the first 19 digits, corrected one double at a time by
// comparing the decimal exactly with the halfway points between neighbouring doubles.
// Writing: Steele & White's free-format digit generation as Burger & Dybvig state it, with
// the rounding interval closed when the significand is even (strtod rounds ties to even).
#include "decimal_double.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

namespace civic::decimal_double {

namespace {

// A non-negative integer of up to 4096 bits, the most either conversion needs: a decimal of
// 800 digits (longer ones are cut, below) times 5^1130, or 2^1077 times 10^330.
class BigInt {
 public:
  explicit BigInt(std::uint64_t value = 0) {
    words_[0] = static_cast<std::uint32_t>(value);
    words_[1] = static_cast<std::uint32_t>(value >> 32);
    size_ = words_[1] != 0 ? 2 : words_[0] != 0 ? 1 : 0;
  }

  // this = this × factor + addend
  void multiply_add(std::uint32_t factor, std::uint32_t addend = 0) {
    std::uint64_t carry = addend;
    for (int i = 0; i < size_; ++i) {
      const std::uint64_t product = std::uint64_t{words_[i]} * factor + carry;
      words_[i] = static_cast<std::uint32_t>(product);
      carry = product >> 32;
    }
    if (carry != 0) words_[size_++] = static_cast<std::uint32_t>(carry);
  }
  void multiply_pow5(int n) {
    constexpr std::uint32_t kFive13 = 1220703125;  // 5^13, the largest power of 5 in 32 bits
    for (; n >= 13; n -= 13) multiply_add(kFive13);
    std::uint32_t rest = 1;
    for (; n > 0; --n) rest *= 5;
    multiply_add(rest);
  }
  void multiply_pow10(int n) {
    multiply_pow5(n);
    shift_left(n);
  }
  void shift_left(int bits) {
    if (size_ == 0 || bits == 0) return;
    const int words = bits / 32, rest = bits % 32;
    if (rest != 0) {
      words_[size_] = 0;
      for (int i = size_; i > 0; --i) {
        words_[i] = (words_[i] << rest) | (words_[i - 1] >> (32 - rest));
      }
      words_[0] <<= rest;
      if (words_[size_] != 0) ++size_;
    }
    if (words != 0) {
      for (int i = size_; i-- > 0;) words_[i + words] = words_[i];
      for (int i = 0; i < words; ++i) words_[i] = 0;
      size_ += words;
    }
  }
  void add(const BigInt& other) {
    std::uint64_t carry = 0;
    const int size = size_ > other.size_ ? size_ : other.size_;
    for (int i = 0; i < size; ++i) {
      const std::uint64_t sum = std::uint64_t{i < size_ ? words_[i] : 0u} +
                                (i < other.size_ ? other.words_[i] : 0u) + carry;
      words_[i] = static_cast<std::uint32_t>(sum);
      carry = sum >> 32;
    }
    size_ = size;
    if (carry != 0) words_[size_++] = 1;
  }
  // Precondition: other ≤ this.
  void subtract(const BigInt& other) {
    std::int64_t borrow = 0;
    for (int i = 0; i < size_; ++i) {
      const std::int64_t difference =
          std::int64_t{words_[i]} - (i < other.size_ ? other.words_[i] : 0u) - borrow;
      words_[i] = static_cast<std::uint32_t>(difference);
      borrow = difference < 0 ? 1 : 0;
    }
    while (size_ > 0 && words_[size_ - 1] == 0) --size_;
  }
  // -1, 0 or 1 as a is less than, equal to or greater than b.
  friend int compare(const BigInt& a, const BigInt& b) {
    if (a.size_ != b.size_) return a.size_ < b.size_ ? -1 : 1;
    for (int i = a.size_; i-- > 0;) {
      if (a.words_[i] != b.words_[i]) return a.words_[i] < b.words_[i] ? -1 : 1;
    }
    return 0;
  }

 private:
  std::array<std::uint32_t, 129> words_{};  // one spare word for shift_left's carry
  int size_ = 0;
};

// A double's parts: value = significand × 2^exponent.
struct Parts {
  std::uint64_t significand;
  int exponent;
};

std::uint64_t bits_of(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}
double of_bits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}
Parts parts_of(double value) {
  constexpr std::uint64_t kHidden = std::uint64_t{1} << 52;
  const std::uint64_t bits = bits_of(value);
  const int biased = static_cast<int>(bits >> 52);
  const std::uint64_t fraction = bits & (kHidden - 1);
  if (biased == 0) return {fraction, -1074};
  return {fraction | kHidden, biased - 1075};
}

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The decimal's digits as an integer: a decimal is m × 10^e for this m.
BigInt integer_of(std::string_view digits) {
  BigInt out;
  std::uint32_t chunk = 0, scale = 1;
  for (const char digit : digits) {
    chunk = chunk * 10 + static_cast<std::uint32_t>(digit - '0');
    scale *= 10;
    if (scale == 1000000000) {
      out.multiply_add(scale, chunk);
      chunk = 0;
      scale = 1;
    }
  }
  if (scale != 1) out.multiply_add(scale, chunk);
  return out;
}

// Compares m × 10^e with the point halfway between `value` and the next double up.
int compare_with_halfway(const BigInt& m, int e, double value) {
  const Parts parts = parts_of(value);
  BigInt decimal = m;
  BigInt halfway(2 * parts.significand + 1);  // × 2^(exponent - 1)
  if (e >= 0) {
    decimal.multiply_pow5(e);
  } else {
    halfway.multiply_pow5(-e);
  }
  const int shift = e - (parts.exponent - 1);
  if (shift > 0) {
    decimal.shift_left(shift);
  } else {
    halfway.shift_left(-shift);
  }
  return compare(decimal, halfway);
}

// Of two neighbouring doubles, the one with an even significand.
double even_of(double low, double high) { return (bits_of(low) & 1) == 0 ? low : high; }

}  // namespace

double to_double(std::string_view digits, long long exponent) {
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return 0;
  const std::size_t last = digits.find_last_not_of('0');
  exponent += static_cast<long long>(digits.size() - 1 - last);
  digits = digits.substr(first, last + 1 - first);
  const auto count = static_cast<long long>(digits.size());
  // value = 0.digits × 10^(count + exponent): at least 10^309 is infinite, below 10^-324
  // (under half the smallest double, 4.9e-324) is zero.
  if (count + exponent > 309) return std::numeric_limits<double>::infinity();
  if (count + exponent < -324) return 0;

  std::uint64_t leading = 0;  // the first 19 digits at most
  const int used = count < 19 ? static_cast<int>(count) : 19;
  for (int i = 0; i < used; ++i) leading = leading * 10 + static_cast<unsigned>(digits[i] - '0');
  constexpr std::uint64_t kExactInteger = std::uint64_t{1} << 53;
  if (count == used && leading <= kExactInteger && exponent >= -22 && exponent <= 22) {
    const auto whole = static_cast<double>(leading);  // exact, as is the power of ten
    return exponent < 0 ? whole / kPowersOfTen[-exponent] : whole * kPowersOfTen[exponent];
  }

  // A halfway point between doubles has at most 767 significant digits, so digits past the
  // 780th only tell whether the decimal lies above one: a final 1 keeps that.
  constexpr long long kKeptDigits = 780;
  BigInt m;
  int e;
  if (count > kKeptDigits) {
    m = integer_of(digits.substr(0, kKeptDigits));
    m.multiply_add(10, 1);
    e = static_cast<int>(exponent + count - kKeptDigits - 1);
  } else {
    m = integer_of(digits);
    e = static_cast<int>(exponent);
  }

  int scale = static_cast<int>(exponent + count - used);
  double value = static_cast<double>(leading);
  for (; scale > 22; scale -= 22) value *= 1e22;
  for (; scale < -22; scale += 22) value /= 1e22;
  value = scale < 0 ? value / kPowersOfTen[-scale] : value * kPowersOfTen[scale];
  constexpr double kMax = std::numeric_limits<double>::max();
  if (value > kMax) value = kMax;

  for (;;) {
    const int above = compare_with_halfway(m, e, value);
    if (above == 0) return even_of(value, of_bits(bits_of(value) + 1));
    if (above > 0) {
      value = of_bits(bits_of(value) + 1);  // past the largest double: infinity
      if (value > kMax) return value;
      continue;
    }
    if (value == 0) return 0;
    const double below = of_bits(bits_of(value) - 1);
    const int above_below = compare_with_halfway(m, e, below);
    if (above_below > 0) return value;
    if (above_below == 0) return even_of(below, value);
    value = below;
  }
}

Digits shortest_digits(double value) {
  const Parts parts = parts_of(value);
  const bool closed = parts.significand % 2 == 0;  // the interval's ends read back as value
  // The next double down is nearer than the next up at a power of two (but the smallest).
  const bool lopsided = parts.significand == (std::uint64_t{1} << 52) && parts.exponent > -1074;
  // value = r / s, the interval is [r - low, r + high] / s.
  BigInt r(parts.significand), s(1), high(1), low(1);
  r.shift_left(lopsided ? 2 : 1);
  s.shift_left(lopsided ? 2 : 1);
  if (lopsided) high.shift_left(1);
  if (parts.exponent >= 0) {
    r.shift_left(parts.exponent);
    high.shift_left(parts.exponent);
    low.shift_left(parts.exponent);
  } else {
    s.shift_left(-parts.exponent);
  }
  // point = ⌈log10 value⌉ or one less, from ⌊log2 value⌋ (78913 / 2^18 ≈ log10 2).
  int log2 = parts.exponent;
  for (std::uint64_t rest = parts.significand >> 1; rest != 0; rest >>= 1) ++log2;
  int point = log2 > 0 ? ((log2 * 78913) >> 18) + 1 : -((-log2 * 78913) >> 18);
  if (point >= 0) {
    s.multiply_pow10(point);
  } else {
    r.multiply_pow10(-point);
    high.multiply_pow10(-point);
    low.multiply_pow10(-point);
  }
  const auto reaches = [&](const BigInt& remainder) {  // remainder + high past s
    BigInt top = remainder;
    top.add(high);
    const int order = compare(top, s);
    return closed ? order >= 0 : order > 0;
  };
  while (reaches(r)) {
    s.multiply_add(10);
    ++point;
  }
  Digits out{{}, 0, point};
  for (;;) {
    r.multiply_add(10);
    high.multiply_add(10);
    low.multiply_add(10);
    char digit = '0';
    while (compare(r, s) >= 0) {
      r.subtract(s);
      ++digit;
    }
    const int below_low = compare(r, low);
    const bool down = closed ? below_low <= 0 : below_low < 0;
    const bool up = reaches(r);
    if (!down && !up) {
      out.digits[out.count++] = digit;
      continue;
    }
    if (down && up) {
      BigInt twice = r;
      twice.shift_left(1);
      const int order = compare(twice, s);
      if (order > 0 || (order == 0 && (digit - '0') % 2 == 1)) ++digit;
    } else if (up) {
      ++digit;
    }
    out.digits[out.count++] = digit;
    return out;
  }
}

}  // namespace civic::decimal_double
