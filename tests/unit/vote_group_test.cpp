#include <gtest/gtest.h>

#include "civic/vote.hpp"

namespace civic::vote {
namespace {

// L, little-endian hex.
constexpr const char* kOrderHex =
    "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

TEST(VoteGroup, IdentityIsHandledExplicitly) {
  EXPECT_TRUE(is_identity(base_mul(scalar_from_u64(0))));
  EXPECT_TRUE(is_identity(mul(scalar_from_u64(0), generator())));
  EXPECT_TRUE(is_identity(mul(scalar_from_u64(5), identity())));
  EXPECT_EQ(generator() + identity(), generator());
  EXPECT_TRUE(is_identity(generator() - generator()));
  EXPECT_EQ(base_mul(scalar_from_u64(1)), generator());
  EXPECT_EQ(base_mul(scalar_from_u64(2)), generator() + generator());
}

TEST(VoteGroup, ScalarArithmeticIsModuloTheOrder) {
  const Scalar three = scalar_from_u64(3), five = scalar_from_u64(5);
  EXPECT_EQ(three + five, scalar_from_u64(8));
  EXPECT_EQ(five * inverse(five), scalar_from_u64(1));
  EXPECT_TRUE(is_zero(three + -three));
  EXPECT_EQ(base_mul(three - five), base_mul(scalar_from_u64(0)) - base_mul(scalar_from_u64(2)));
}

TEST(VoteGroup, ParsePointRefusesBadEncodings) {
  const std::string g = to_hex(generator().bytes);
  EXPECT_TRUE(parse_point(g, "/p").ok());
  // Not hex, wrong length.
  EXPECT_EQ(parse_point("zz", "/p").error().params["reason"], "hex");
  // The field prime p = 2^255 - 19 itself: a non-canonical encoding of 0.
  const auto non_canonical =
      parse_point("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "/p");
  ASSERT_FALSE(non_canonical.ok());
  EXPECT_EQ(non_canonical.error().code, "vote.bad_point");
  EXPECT_EQ(non_canonical.error().params["reason"], "encoding");
  // A negative field element (low bit set) is never a valid ristretto encoding.
  EXPECT_FALSE(
      parse_point("0100000000000000000000000000000000000000000000000000000000000000", "/p").ok());
  // The identity: refused unless allowed.
  const std::string zero(64, '0');
  EXPECT_EQ(parse_point(zero, "/p").error().params["reason"], "identity");
  EXPECT_TRUE(parse_point(zero, "/p", Identity::allowed).ok());
}

TEST(VoteGroup, ParseScalarRefusesUnreducedValues) {
  EXPECT_EQ(parse_scalar(kOrderHex, "/s").error().code, "vote.bad_scalar");
  EXPECT_EQ(parse_scalar(kOrderHex, "/s").error().params["reason"], "unreduced");
  EXPECT_FALSE(parse_scalar(std::string(64, 'f'), "/s").ok());
  std::string below(kOrderHex);
  below[1] = 'c';  // L - 1
  EXPECT_TRUE(parse_scalar(below, "/s").ok());
}

TEST(VoteGroup, CountsMultiplications) {
  reset_group_op_counts();
  (void)base_mul(scalar_from_u64(7));
  (void)mul(scalar_from_u64(7), generator());
  (void)(generator() + generator());
  const GroupOpCounts counts = group_op_counts();
  EXPECT_EQ(counts.base_mults, 1u);
  EXPECT_EQ(counts.point_mults, 1u);
  EXPECT_EQ(counts.point_adds, 1u);
}

TEST(VoteTranscript, LengthPrefixesEveryItem) {
  // "ab" + "c" and "a" + "bc" must hash differently.
  EXPECT_NE(Transcript("t").text("ab").text("c").digest(),
            Transcript("t").text("a").text("bc").digest());
  EXPECT_NE(Transcript("t").u32(1).digest(), Transcript("t").u64(1).digest());
}

TEST(VoteDiscreteLog, SolvesAcrossTheWholeRange) {
  const Point base = base_mul(scalar_from_u64(1234567));
  const DiscreteLog small(base, 10);
  EXPECT_EQ(small.solve(identity()), 0u);
  EXPECT_EQ(small.solve(base), 1u);
  EXPECT_EQ(small.solve(mul(scalar_from_u64(10), base)), 10u);
  EXPECT_EQ(small.solve(mul(scalar_from_u64(11), base)), std::nullopt);

  const DiscreteLog large(base, 2'000'000);
  EXPECT_EQ(large.solve(mul(scalar_from_u64(1'999'999), base)), 1'999'999u);
  EXPECT_EQ(large.solve(mul(scalar_from_u64(2'000'000), base)), 2'000'000u);
  EXPECT_EQ(large.solve(mul(scalar_from_u64(777'777), base)), 777'777u);
}

}  // namespace
}  // namespace civic::vote
