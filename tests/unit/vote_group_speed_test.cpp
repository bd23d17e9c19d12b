// The group layer's fast paths (PointSum, FixedBase, *_add_vartime) give exactly the
// bytes of the plain operations they replace.
#include <gtest/gtest.h>

#include "civic/rng.hpp"
#include "civic/vote.hpp"

namespace civic::vote {
namespace {

// L - 1, little-endian hex: every radix-16 digit carries.
constexpr const char* kOrderMinusOneHex =
    "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

std::vector<Scalar> sample_scalars() {
  std::array<std::uint8_t, 32> seed{};
  seed[0] = 42;
  SeededRng rng(seed);
  std::vector<Scalar> scalars = {scalar_from_u64(0), scalar_from_u64(1), scalar_from_u64(8),
                                 scalar_from_u64(0x8888888888888888ULL),
                                 parse_scalar(kOrderMinusOneHex, "").value()};
  for (int i = 0; i < 12; ++i) {
    std::array<std::uint8_t, 64> wide;
    rng.fill(wide);
    scalars.push_back(scalar_from_wide(wide));
  }
  return scalars;
}

std::vector<Point> sample_points() {
  std::vector<Point> points = {identity(), generator()};
  for (const Scalar& s : sample_scalars()) points.push_back(base_mul(s + scalar_from_u64(3)));
  // One point that went through its encoding: decoded from outside data.
  points.push_back(parse_point(to_hex(points.back().bytes()), "").value());
  return points;
}

TEST(VoteGroupSpeed, FixedBaseMultipliesLikeMul) {
  for (const Point& base : sample_points()) {
    const FixedBase fixed(base);
    EXPECT_EQ(fixed.point(), base);
    for (const Scalar& s : sample_scalars()) EXPECT_EQ(fixed.mul(s), mul(s, base));
  }
}

TEST(VoteGroupSpeed, VartimeProductsMatchTheirTerms) {
  const auto points = sample_points();
  const auto scalars = sample_scalars();
  const FixedBase key(points[5]);
  for (std::size_t i = 0; i < scalars.size(); ++i) {
    const Scalar& a = scalars[i];
    const Scalar& b = scalars[(i * 7 + 3) % scalars.size()];
    for (const Point& p : points) {
      EXPECT_EQ(base_mul_add_vartime(a, b, p), base_mul(a) + mul(b, p));
      EXPECT_EQ(mul_add_vartime(key, a, b, p), key.mul(a) + mul(b, p));
    }
  }
}

TEST(VoteGroupSpeed, PointSumIsTheSumInAnyGrouping) {
  const auto points = sample_points();
  Point plain = identity();
  PointSum all, first_half, second_half;
  for (std::size_t i = 0; i < points.size(); ++i) {
    plain = plain + points[i];
    all += points[i];
    (i < points.size() / 2 ? first_half : second_half) += points[i];
  }
  second_half += first_half;
  EXPECT_EQ(all.point(), plain);
  EXPECT_EQ(second_half.point(), plain);
  EXPECT_TRUE(is_identity(PointSum().point()));
  PointSum back_to_zero;
  back_to_zero += generator();
  back_to_zero += identity() - generator();
  EXPECT_TRUE(is_identity(back_to_zero.point()));
}

TEST(VoteGroupSpeed, CountsTheFastOperations) {
  const FixedBase key(generator());
  reset_group_op_counts();
  (void)key.mul(scalar_from_u64(7));
  (void)base_mul_add_vartime(scalar_from_u64(1), scalar_from_u64(2), generator());
  (void)mul_add_vartime(key, scalar_from_u64(1), scalar_from_u64(2), generator());
  PointSum sum;
  sum += generator();
  const GroupOpCounts counts = group_op_counts();
  EXPECT_EQ(counts.fixed_mults, 1u);
  EXPECT_EQ(counts.base_double_mults, 1u);
  EXPECT_EQ(counts.fixed_double_mults, 1u);
  EXPECT_EQ(counts.point_adds, 1u);
}

}  // namespace
}  // namespace civic::vote
