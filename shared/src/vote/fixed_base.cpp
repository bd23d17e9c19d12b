// FixedBase (a precomputed table of a base) and the verifiers' variable-time products
// g^a·p^b and base^a·p^b, over libsodium's internal ed25519 arithmetic.
#include <array>

#include "ed25519.hpp"

namespace civic::vote {

using detail::PointAccess;

namespace detail {

// entries[i][j] = (j + 1) · 16^i · base, for the 64 signed radix-16 digits of a scalar.
struct FixedBaseTable {
  std::array<std::array<ge25519_cached, 8>, 64> entries;
};

}  // namespace detail

namespace {

constexpr Bytes32 kZero{};

ge25519_cached cached_of(const ge25519_p3& p) {
  ge25519_cached c;
  ge25519_p3_to_cached(&c, &p);
  return c;
}

ge25519_cached cached_identity() {
  ge25519_cached c;
  fe25519_1(c.YplusX);
  fe25519_1(c.YminusX);
  fe25519_1(c.Z);
  fe25519_0(c.T2d);
  return c;
}

// The scalar's signed radix-16 digits e[0..63] in [-8, 8], s = sum e[i]·16^i (as libsodium's
// ge25519_scalarmult_base writes it; s < 2^253 keeps e[63] in range).
std::array<signed char, 64> radix16(const Scalar& s) {
  std::array<signed char, 64> e{};
  for (std::size_t i = 0; i < 32; ++i) {
    e[2 * i] = static_cast<signed char>(s.bytes[i] & 15);
    e[2 * i + 1] = static_cast<signed char>((s.bytes[i] >> 4) & 15);
  }
  signed char carry = 0;
  for (std::size_t i = 0; i < 63; ++i) {
    e[i] = static_cast<signed char>(e[i] + carry);
    carry = static_cast<signed char>((e[i] + 8) >> 4);
    e[i] = static_cast<signed char>(e[i] - carry * 16);
  }
  e[63] = static_cast<signed char>(e[63] + carry);
  return e;
}

// 1 when a == b, else 0, without a branch.
unsigned int equal(unsigned int a, unsigned int b) { return ((a ^ b) - 1U) >> 31; }

void cmov(ge25519_cached& to, const ge25519_cached& from, unsigned int condition) {
  fe25519_cmov(to.YplusX, from.YplusX, condition);
  fe25519_cmov(to.YminusX, from.YminusX, condition);
  fe25519_cmov(to.Z, from.Z, condition);
  fe25519_cmov(to.T2d, from.T2d, condition);
}

// row[|digit| - 1], negated when digit < 0, the identity when 0: in constant time.
ge25519_cached select(const std::array<ge25519_cached, 8>& row, signed char digit) {
  const auto negative = static_cast<unsigned int>(static_cast<unsigned char>(digit) >> 7);
  const auto magnitude =
      static_cast<unsigned int>(digit - ((-static_cast<int>(negative) & digit) * 2));
  ge25519_cached t = cached_identity();
  for (unsigned int j = 0; j < 8; ++j) cmov(t, row[j], equal(magnitude, j + 1));
  ge25519_cached minus_t;  // -(x, y) = (-x, y): swap y+x and y-x, negate 2dxy
  fe25519_copy(minus_t.YplusX, t.YminusX);
  fe25519_copy(minus_t.YminusX, t.YplusX);
  fe25519_copy(minus_t.Z, t.Z);
  fe25519_neg(minus_t.T2d, t.T2d);
  cmov(t, minus_t, negative);
  return t;
}

ge25519_p3 add_cached(const ge25519_p3& p, const ge25519_cached& q, bool subtract = false) {
  ge25519_p1p1 sum;
  if (subtract) {
    ge25519_sub(&sum, &p, &q);
  } else {
    ge25519_add(&sum, &p, &q);
  }
  ge25519_p3 out;
  ge25519_p1p1_to_p3(&out, &sum);
  return out;
}

// (X : Y : Z) projective to (XZ : YZ : Z² : XY) extended.
ge25519_p3 extended_of(const ge25519_p2& p) {
  ge25519_p3 e;
  fe25519_mul(e.X, p.X, p.Z);
  fe25519_mul(e.Y, p.Y, p.Z);
  fe25519_sq(e.Z, p.Z);
  fe25519_mul(e.T, p.X, p.Y);
  return e;
}

// g^a · p^b by libsodium's Straus (sliding windows, variable time).
ge25519_p3 double_mul_vartime(const Scalar& a, const Scalar& b, const Point& p) {
  const ge25519_p3 base = PointAccess::extended(p);
  ge25519_p2 sum;
  ge25519_double_scalarmult_vartime(&sum, b.bytes.data(), &base, a.bytes.data());
  return extended_of(sum);
}

}  // namespace

FixedBase::FixedBase(const Point& base) : base_(base) {
  auto table = std::make_shared<detail::FixedBaseTable>();
  ge25519_p3 row = PointAccess::extended(base);  // 16^i · base
  for (auto& entries : table->entries) {
    ge25519_p3 multiple = row;
    entries[0] = cached_of(row);
    for (std::size_t j = 1; j < entries.size(); ++j) {
      multiple = add_cached(multiple, entries[0]);
      entries[j] = cached_of(multiple);
    }
    row = add_cached(multiple, entries[7]);  // 8 · row + 8 · row
  }
  table_ = std::move(table);
}

Point FixedBase::mul(const Scalar& s) const {
  detail::count_fixed_mult();
  const auto digits = radix16(s);
  ge25519_p3 acc = detail::extended_identity();
  for (std::size_t i = 0; i < digits.size(); ++i) {
    acc = add_cached(acc, select(table_->entries[i], digits[i]));
  }
  return PointAccess::from_extended(acc);
}

Point base_mul_add_vartime(const Scalar& a, const Scalar& b, const Point& p) {
  detail::count_base_double_mult();
  return PointAccess::from_extended(double_mul_vartime(a, b, p));
}

Point mul_add_vartime(const FixedBase& base, const Scalar& a, const Scalar& b, const Point& p) {
  detail::count_fixed_double_mult();
  ge25519_p3 acc = double_mul_vartime(Scalar{kZero}, b, p);
  const auto digits = radix16(a);
  const auto& entries = base.table_->entries;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] == 0) continue;
    const bool negative = digits[i] < 0;
    acc = add_cached(acc, entries[i][(negative ? -digits[i] : digits[i]) - 1], negative);
  }
  return PointAccess::from_extended(acc);
}

}  // namespace civic::vote
