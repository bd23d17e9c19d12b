// civic/vote/group.hpp — the ristretto255 group and its scalars, over libsodium.
//
// A Point is always a canonical 32-byte ristretto255 encoding that has been checked;
// a Scalar is always a 32-byte little-endian integer reduced modulo the group order
//   L = 2^252 + 27742317777372353535851937790883648493.
// The only way to obtain a Point from outside data is decode_point (parse_point is
// hex + decode_point): every path — ballots, ceremony, shares, tallies, the JSON API,
// wasm — goes through it, so two verifiers cannot disagree about an encoding.
// Scalars come in through parse_scalar, voter credentials through decode_credential.
//
// libsodium's scalar multiplications return -1 when the result is the identity; here
// they return the identity encoding (32 zero bytes) instead, so zero tallies and
// empty products need no special case at the call site.
#pragma once

#include <array>
#include <cstdint>
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

struct Point {
  Bytes32 bytes{};  // all zero = the identity
  friend bool operator==(const Point&, const Point&) = default;
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
// Diagnostic only: never read by any rule.
struct GroupOpCounts {
  std::uint64_t base_mults = 0;   // g^s
  std::uint64_t point_mults = 0;  // p^s for any other p
  std::uint64_t point_adds = 0;   // additions and subtractions
};
GroupOpCounts group_op_counts();
void reset_group_op_counts();

}  // namespace civic::vote
