// civic/vote/group.hpp — the ristretto255 group and its scalars, over libsodium.
//
// A Point is always a canonical 32-byte ristretto255 encoding that has been checked,
// held together with the same point in libsodium's extended coordinates (ge25519_p3),
// so that sums and products of points already received never decode them again.
// A Scalar is always a 32-byte little-endian integer reduced modulo the group order
//   L = 2^252 + 27742317777372353535851937790883648493.
// The only way to obtain a Point from outside data is decode_point (parse_point is
// hex + decode_point): every path — ballots, ceremony, shares, tallies, the JSON API,
// wasm — goes through it, so two verifiers cannot disagree about an encoding.
// Scalars come in through parse_scalar, voter credentials through parse_credential.
//
// libsodium's scalar multiplications return -1 when the result is the identity; here
// they return the identity encoding (32 zero bytes) instead, so zero tallies and
// empty products need no special case at the call site.
//
// Speed: a long chain of additions goes through PointSum (one encoding at the end); a
// base used for many multiplications, such as the joint key, through FixedBase (a
// precomputed table); and a verifier's g^a·p^b through the variable-time *_vartime
// functions, which must only ever see public scalars.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "civic/result.hpp"

namespace civic::vote {

using Bytes32 = std::array<std::uint8_t, 32>;

struct Scalar {
  Bytes32 bytes{};
  friend bool operator==(const Scalar&, const Scalar&) = default;
};

namespace detail {
struct PointAccess;     // the group layer's own access to the extended coordinates
struct FixedBaseTable;  // libsodium points, defined where they are used
}  // namespace detail

class Point {
 public:
  Point();                                            // the identity
  const Bytes32& bytes() const { return encoding_; }  // all zero = the identity
  friend bool operator==(const Point& a, const Point& b) { return a.encoding_ == b.encoding_; }

 private:
  friend struct detail::PointAccess;
  Bytes32 encoding_{};
  // libsodium's ge25519_p3 (four field elements of 40 bytes), copied in and out.
  std::array<std::uint8_t, 160> extended_;
};

// --- scalars (mod L) ---
Scalar scalar_from_u64(std::uint64_t value);
// Reduces 64 uniformly random bytes modulo L (a uniform scalar).
Scalar scalar_from_wide(std::span<const std::uint8_t, 64> wide);
Scalar operator+(const Scalar& a, const Scalar& b);
Scalar operator-(const Scalar& a, const Scalar& b);
Scalar operator*(const Scalar& a, const Scalar& b);
Scalar operator-(const Scalar& a);
// Precondition: a is not zero.
Scalar inverse(const Scalar& a);
bool is_zero(const Scalar& a);

// --- points ---
Point identity();
Point generator();  // the ristretto255 base point g
bool is_identity(const Point& p);
Point base_mul(const Scalar& s);                  // g^s
Point mul(const Scalar& s, const Point& p);       // p^s
Point operator+(const Point& a, const Point& b);  // group operation (written additively)
Point operator-(const Point& a, const Point& b);

// A running sum kept in extended coordinates: each += costs one curve addition and no
// encoding; point() encodes once. Sums of the same points in any order and grouping
// give the same point() bytes.
class PointSum {
 public:
  PointSum();  // the identity
  PointSum& operator+=(const Point& p);
  PointSum& operator+=(const PointSum& other);
  Point point() const;

 private:
  std::array<std::uint8_t, 160> extended_;  // ge25519_p3
};

// A base with a precomputed table (64 × 8 multiples, 80 KB, about as long to build as
// four multiplications): then base^s costs 64 table additions, in constant time, and
// base^a·p^b (variable time) a third less than two multiplications. For the joint key,
// used for every ciphertext and proof of a ballot.
class FixedBase {
 public:
  explicit FixedBase(const Point& base);
  const Point& point() const { return base_; }
  Point mul(const Scalar& s) const;  // base^s, constant time (secret s allowed)

 private:
  friend Point mul_add_vartime(const FixedBase& base, const Scalar& a, const Scalar& b,
                               const Point& p);
  Point base_;
  std::shared_ptr<const detail::FixedBaseTable> table_;  // shared by copies
};

// g^a · p^b and base^a · p^b in variable time: for verifiers, whose scalars are public
// (challenges and responses), never for a secret.
Point base_mul_add_vartime(const Scalar& a, const Scalar& b, const Point& p);
Point mul_add_vartime(const FixedBase& base, const Scalar& a, const Scalar& b, const Point& p);

// --- decoding from outside data ---
enum class Identity { refused, allowed };

// RFC 9496 §4.3.1 decoding. Refused, in this order (error vote.bad_point, params.reason):
//   "top_bit"        bit 255 is set (libsodium 1.0.18's is_valid_point ignores it)
//   "non_canonical"  the field element s is ≥ p = 2^255 − 19
//   "negative"       s is negative, i.e. its low bit is set
//   "encoding"       the decoding fails (non-square x², negative t = x·y, or y = 0)
//   "identity"       32 zero bytes, unless the caller allows the identity
Result<Point> decode_point(std::span<const std::uint8_t, 32> bytes, const std::string& path,
                           Identity identity = Identity::refused);
// 64 lowercase or uppercase hex digits, then decode_point (reason "hex" for bad hex).
Result<Point> parse_point(std::string_view hex, const std::string& path,
                          Identity identity = Identity::refused);
// A voter credential: an Ed25519 public key (RFC 8032) whose y is canonical (< p), that
// is on the curve, not of small order and in the prime-order subgroup (libsodium
// crypto_core_ed25519_is_valid_point; every key crypto_sign_seed_keypair makes passes).
// Errors: vote.bad_credential (params: reason = "hex" | "encoding").
Result<Bytes32> parse_credential(std::string_view hex, const std::string& path);
// 64 hex digits of a little-endian integer < L. Errors: vote.bad_scalar
// (params: reason = "hex" | "unreduced").
Result<Scalar> parse_scalar(std::string_view hex, const std::string& path);

std::string to_hex(std::span<const std::uint8_t> bytes);
// Exactly out.size() bytes of hex, no separators.
bool from_hex(std::string_view hex, std::span<std::uint8_t> out);

// How many scalar multiplications and point additions this process has done, so
// benchmarks can compare run time with the cost of the multiplications themselves.
// Diagnostic only: never read by any rule (counted atomically: callers may use threads).
struct GroupOpCounts {
  std::uint64_t base_mults = 0;          // g^s
  std::uint64_t point_mults = 0;         // p^s for any other p
  std::uint64_t fixed_mults = 0;         // FixedBase::mul
  std::uint64_t base_double_mults = 0;   // base_mul_add_vartime: g^a·p^b
  std::uint64_t fixed_double_mults = 0;  // mul_add_vartime: base^a·p^b
  std::uint64_t point_adds = 0;          // additions and subtractions, PointSum's too
};
GroupOpCounts group_op_counts();
void reset_group_op_counts();

}  // namespace civic::vote
