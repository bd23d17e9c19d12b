// libsodium's internal ed25519 arithmetic (private/ed25519_ref10.h, from the libsodium
// that scripts/bootstrap.sh builds from Debian's source, natively and for wasm), read
// with the defines that build was configured with. Internal to the group layer.
#pragma once

#include <cstring>

#include "civic/vote/group.hpp"

extern "C" {
#include <private/civic_config.h>
#include <private/ed25519_ref10.h>
}

namespace civic::vote::detail {

static_assert(sizeof(ge25519_p3) == 160 && sizeof(ge25519_cached) == 160,
              "Point, PointSum and FixedBase reserve 160 bytes per libsodium point");

// Copies extended coordinates in and out of the group layer's opaque storage.
struct PointAccess {
  static ge25519_p3 extended(const Point& p) { return load(p.extended_); }
  // A point from its extended coordinates: encodes them (one inverse square root).
  static Point from_extended(const ge25519_p3& e) {
    Point p;
    ristretto255_p3_tobytes(p.encoding_.data(), &e);
    store(p.extended_, e);
    return p;
  }
  // A point whose encoding and coordinates are already known to agree.
  static Point from_parts(const Bytes32& encoding, const ge25519_p3& e) {
    Point p;
    p.encoding_ = encoding;
    store(p.extended_, e);
    return p;
  }
  template <typename T, std::size_t N>
  static T load_as(const std::array<std::uint8_t, N>& storage) {
    static_assert(sizeof(T) == N);
    T value;
    std::memcpy(&value, storage.data(), N);
    return value;
  }
  static ge25519_p3 load(const std::array<std::uint8_t, 160>& storage) {
    return load_as<ge25519_p3>(storage);
  }
  template <typename T>
  static void store(std::array<std::uint8_t, sizeof(T)>& storage, const T& value) {
    std::memcpy(storage.data(), &value, sizeof(T));
  }
};

// The identity in extended coordinates: (0 : 1 : 1 : 0).
inline ge25519_p3 extended_identity() {
  ge25519_p3 e;
  fe25519_0(e.X);
  fe25519_1(e.Y);
  fe25519_1(e.Z);
  fe25519_0(e.T);
  return e;
}

// p + q, both in extended coordinates.
inline ge25519_p3 add(const ge25519_p3& p, const ge25519_p3& q) {
  ge25519_cached cached;
  ge25519_p3_to_cached(&cached, &q);
  ge25519_p1p1 sum;
  ge25519_add(&sum, &p, &cached);
  ge25519_p3 out;
  ge25519_p1p1_to_p3(&out, &sum);
  return out;
}

// p - q, both in extended coordinates.
inline ge25519_p3 subtract(const ge25519_p3& p, const ge25519_p3& q) {
  ge25519_cached cached;
  ge25519_p3_to_cached(&cached, &q);
  ge25519_p1p1 difference;
  ge25519_sub(&difference, &p, &cached);
  ge25519_p3 out;
  ge25519_p1p1_to_p3(&out, &difference);
  return out;
}

// Diagnostic counters of group_op_counts().
void count_point_add();
void count_fixed_mult();
void count_base_double_mult();
void count_fixed_double_mult();

}  // namespace civic::vote::detail
