#include "civic/vote/group.hpp"

#include <sodium.h>

#include <algorithm>
#include <atomic>

#include "ed25519.hpp"

namespace civic::vote {

using detail::PointAccess;

namespace {

// Diagnostic counters, see group_op_counts().
struct AtomicCounts {
  std::atomic<std::uint64_t> base_mults{0}, point_mults{0}, fixed_mults{0}, base_double_mults{0},
      fixed_double_mults{0}, point_adds{0};
};
AtomicCounts op_counts;

void count(std::atomic<std::uint64_t>& counter) { counter.fetch_add(1, std::memory_order_relaxed); }

// The group order L, little-endian.
constexpr Bytes32 kOrder = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                            0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// The ristretto255 encoding of the base point.
constexpr Bytes32 kGenerator = {0xe2, 0xf2, 0xae, 0x0a, 0x6a, 0xbc, 0x4e, 0x71, 0xa8, 0x84, 0xa9,
                                0x61, 0xc5, 0x00, 0x51, 0x5f, 0x58, 0xe3, 0x0b, 0x6a, 0xa5, 0x82,
                                0xdd, 0x8d, 0xb6, 0xa6, 0x59, 0x45, 0xe0, 0x8d, 0x2d, 0x76};

bool is_reduced(const Bytes32& le) {
  for (std::size_t i = le.size(); i-- > 0;) {
    if (le[i] != kOrder[i]) return le[i] < kOrder[i];
  }
  return false;  // equal to L
}

// s ≥ p = 2^255 − 19 for a little-endian s whose bit 255 is clear: p is ed ff … ff 7f.
bool is_field_overflow(std::span<const std::uint8_t, 32> s) {
  if (s[31] != 0x7f || s[0] < 0xed) return false;
  for (std::size_t i = 1; i < 31; ++i) {
    if (s[i] != 0xff) return false;
  }
  return true;
}

Error bad_point(const std::string& path, const char* reason) {
  return Error{"vote.bad_point",
               path,
               {"Невалидна точка от групата ristretto255",
                "Not a valid canonical ristretto255 group element"},
               {{"reason", reason}}};
}

Error bad_scalar(const std::string& path, const char* reason) {
  return Error{"vote.bad_scalar",
               path,
               {"Невалиден скалар (трябва да е по-малък от реда на групата)",
                "Not a valid scalar (it must be below the group order)"},
               {{"reason", reason}}};
}

}  // namespace

Scalar scalar_from_u64(std::uint64_t value) {
  Scalar s;
  for (std::size_t i = 0; i < 8; ++i) s.bytes[i] = static_cast<std::uint8_t>(value >> (8 * i));
  return s;  // 2^64 < L: already reduced
}

Scalar scalar_from_wide(std::span<const std::uint8_t, 64> wide) {
  Scalar s;
  crypto_core_ristretto255_scalar_reduce(s.bytes.data(), wide.data());
  return s;
}

Scalar operator+(const Scalar& a, const Scalar& b) {
  Scalar s;
  crypto_core_ristretto255_scalar_add(s.bytes.data(), a.bytes.data(), b.bytes.data());
  return s;
}

Scalar operator-(const Scalar& a, const Scalar& b) {
  Scalar s;
  crypto_core_ristretto255_scalar_sub(s.bytes.data(), a.bytes.data(), b.bytes.data());
  return s;
}

Scalar operator*(const Scalar& a, const Scalar& b) {
  Scalar s;
  crypto_core_ristretto255_scalar_mul(s.bytes.data(), a.bytes.data(), b.bytes.data());
  return s;
}

Scalar operator-(const Scalar& a) {
  Scalar s;
  crypto_core_ristretto255_scalar_negate(s.bytes.data(), a.bytes.data());
  return s;
}

Scalar inverse(const Scalar& a) {
  Scalar s;
  crypto_core_ristretto255_scalar_invert(s.bytes.data(), a.bytes.data());
  return s;
}

bool is_zero(const Scalar& a) { return sodium_is_zero(a.bytes.data(), a.bytes.size()) == 1; }

Point::Point() { PointAccess::store(extended_, detail::extended_identity()); }

Point identity() { return Point{}; }

Point generator() {
  static const Point kPoint = [] {
    ge25519_p3 e;
    ristretto255_frombytes(&e, kGenerator.data());
    return PointAccess::from_parts(kGenerator, e);
  }();
  return kPoint;
}

bool is_identity(const Point& p) { return sodium_is_zero(p.bytes().data(), p.bytes().size()) == 1; }

// As crypto_scalarmult_ristretto255_base and crypto_scalarmult_ristretto255 compute them
// (a reduced scalar is below 2^253, so their clamping of bit 255 changes nothing), minus
// their decoding of the base: the identity encodes as 32 zero bytes.
Point base_mul(const Scalar& s) {
  count(op_counts.base_mults);
  ge25519_p3 e;
  ge25519_scalarmult_base(&e, s.bytes.data());
  return PointAccess::from_extended(e);
}

Point mul(const Scalar& s, const Point& base) {
  count(op_counts.point_mults);
  const ge25519_p3 b = PointAccess::extended(base);
  ge25519_p3 e;
  ge25519_scalarmult(&e, s.bytes.data(), &b);
  return PointAccess::from_extended(e);
}

Point operator+(const Point& a, const Point& b) {
  detail::count_point_add();
  return PointAccess::from_extended(
      detail::add(PointAccess::extended(a), PointAccess::extended(b)));
}

Point operator-(const Point& a, const Point& b) {
  detail::count_point_add();
  return PointAccess::from_extended(
      detail::subtract(PointAccess::extended(a), PointAccess::extended(b)));
}

Result<Point> decode_point(std::span<const std::uint8_t, 32> bytes, const std::string& path,
                           Identity rule) {
  if ((bytes[31] & 0x80) != 0) return bad_point(path, "top_bit");
  if (is_field_overflow(bytes)) return bad_point(path, "non_canonical");
  if ((bytes[0] & 1) != 0) return bad_point(path, "negative");
  // What crypto_core_ristretto255_is_valid_point checks, keeping the decoded point.
  ge25519_p3 e;
  if (ristretto255_frombytes(&e, bytes.data()) != 0) return bad_point(path, "encoding");
  Bytes32 encoding;
  std::copy(bytes.begin(), bytes.end(), encoding.begin());
  const Point p = PointAccess::from_parts(encoding, e);
  if (rule == Identity::refused && is_identity(p)) return bad_point(path, "identity");
  return p;
}

Result<Point> parse_point(std::string_view hex, const std::string& path, Identity rule) {
  Bytes32 bytes;
  if (!from_hex(hex, bytes)) return bad_point(path, "hex");
  return decode_point(bytes, path, rule);
}

Result<Bytes32> parse_credential(std::string_view hex, const std::string& path) {
  const auto bad = [&path](const char* reason) {
    return Error{"vote.bad_credential",
                 path,
                 {"Невалиден публичен ключ на гласоподавател (Ed25519)",
                  "Not a valid voter credential (Ed25519 public key)"},
                 {{"reason", reason}}};
  };
  Bytes32 key;
  if (!from_hex(hex, key)) return bad("hex");
  if (crypto_core_ed25519_is_valid_point(key.data()) != 1) return bad("encoding");
  return key;
}

Result<Scalar> parse_scalar(std::string_view hex, const std::string& path) {
  Scalar s;
  if (!from_hex(hex, s.bytes)) return bad_scalar(path, "hex");
  if (!is_reduced(s.bytes)) return bad_scalar(path, "unreduced");
  return s;
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

bool from_hex(std::string_view hex, std::span<std::uint8_t> out) {
  if (hex.size() != out.size() * 2) return false;
  std::size_t decoded = 0;
  const char* end = nullptr;
  return sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &decoded, &end) ==
             0 &&
         decoded == out.size() && end == hex.data() + hex.size();
}

GroupOpCounts group_op_counts() {
  return GroupOpCounts{op_counts.base_mults.load(),         op_counts.point_mults.load(),
                       op_counts.fixed_mults.load(),        op_counts.base_double_mults.load(),
                       op_counts.fixed_double_mults.load(), op_counts.point_adds.load()};
}

void reset_group_op_counts() {
  for (auto* counter :
       {&op_counts.base_mults, &op_counts.point_mults, &op_counts.fixed_mults,
        &op_counts.base_double_mults, &op_counts.fixed_double_mults, &op_counts.point_adds}) {
    counter->store(0);
  }
}

namespace detail {
void count_point_add() { count(op_counts.point_adds); }
void count_fixed_mult() { count(op_counts.fixed_mults); }
void count_base_double_mult() { count(op_counts.base_double_mults); }
void count_fixed_double_mult() { count(op_counts.fixed_double_mults); }
}  // namespace detail

}  // namespace civic::vote
