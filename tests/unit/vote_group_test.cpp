#include <gtest/gtest.h>
#include <sodium.h>

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
  const std::string g = to_hex(generator().bytes());
  EXPECT_TRUE(parse_point(g, "/p").ok());
  // Not hex, wrong length.
  EXPECT_EQ(parse_point("zz", "/p").error().params["reason"], "hex");
  // The field prime p = 2^255 - 19 itself: a non-canonical encoding of 0.
  const auto non_canonical =
      parse_point("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "/p");
  ASSERT_FALSE(non_canonical.ok());
  EXPECT_EQ(non_canonical.error().code, "vote.bad_point");
  EXPECT_EQ(non_canonical.error().params["reason"], "non_canonical");
  // A negative field element (low bit set) is never a valid ristretto encoding.
  EXPECT_FALSE(
      parse_point("0100000000000000000000000000000000000000000000000000000000000000", "/p").ok());
  // The identity: refused unless allowed.
  const std::string zero(64, '0');
  EXPECT_EQ(parse_point(zero, "/p").error().params["reason"], "identity");
  EXPECT_TRUE(parse_point(zero, "/p", Identity::allowed).ok());
}

// RFC 9496 Appendix A.2: every bad encoding of the RFC, with the condition that
// refuses it first (the same list as libsodium's test/default/core_ristretto255.c).
TEST(VoteGroup, DecodeRefusesEveryBadEncodingOfRfc9496) {
  const std::pair<const char*, const char*> bad[] = {
      // Non-canonical field encodings.
      {"00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "top_bit"},
      {"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "non_canonical"},
      {"f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "non_canonical"},
      {"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "non_canonical"},
      // Negative field elements.
      {"0100000000000000000000000000000000000000000000000000000000000000", "negative"},
      {"01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "negative"},
      {"ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20", "negative"},
      {"c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562", "negative"},
      {"c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78", "negative"},
      {"47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24", "negative"},
      {"f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72", "negative"},
      {"87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309", "negative"},
      // Non-square x^2.
      {"26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371", "encoding"},
      {"4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f", "encoding"},
      {"de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b", "encoding"},
      {"bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042", "encoding"},
      {"2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08", "encoding"},
      {"f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22", "encoding"},
      {"8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731", "encoding"},
      {"2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b", "encoding"},
      // Negative xy value.
      {"3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e", "encoding"},
      {"a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220", "encoding"},
      {"d483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e", "encoding"},
      {"8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32", "encoding"},
      {"32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b", "encoding"},
      {"227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165", "encoding"},
      {"5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e", "encoding"},
      {"445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b", "encoding"},
      // s = -1, which causes y = 0.
      {"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "encoding"},
  };
  for (const auto& [hex, reason] : bad) {
    const auto decoded = parse_point(hex, "/p", Identity::allowed);
    ASSERT_FALSE(decoded.ok()) << hex;
    EXPECT_EQ(decoded.error().code, "vote.bad_point") << hex;
    EXPECT_EQ(decoded.error().params["reason"], reason) << hex;
  }
}

// libsodium 1.0.18's is_valid_point ignores bit 255: g with that bit set would pass it.
TEST(VoteGroup, DecodeRefusesAValidPointWithBit255Set) {
  Bytes32 g = generator().bytes();
  EXPECT_TRUE(decode_point(g, "/p").ok());
  g[31] |= 0x80;
  EXPECT_EQ(decode_point(g, "/p").error().params["reason"], "top_bit");
}

TEST(VoteGroup, CredentialsMustBePrimeOrderEd25519Points) {
  const std::string key = to_hex(credential_from_seed(Bytes32{}).public_key);
  EXPECT_TRUE(parse_credential(key, "/c").ok());
  // The Ed25519 identity (0, 1) and the point of order 2 (0, -1) are small-order keys.
  const char* small[] = {"0100000000000000000000000000000000000000000000000000000000000000",
                         "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"};
  for (const char* hex : small) {
    EXPECT_EQ(parse_credential(hex, "/c").error().code, "vote.bad_credential") << hex;
  }
  EXPECT_EQ(parse_credential("zz", "/c").error().params["reason"], "hex");
}

// docs/vote-spec.md §6.4: credential signatures are checked cofactorlessly. A signer
// who adds a point T of order 8 to R passes the cofactored equation
// [8][S]G = [8]R' + [8][k]A, but not [S]G − [k]A = R', which libsodium checks.
TEST(VoteGroup, Ed25519VerificationIsCofactorless) {
  const Bytes32 seed{};
  const VoterCredential credential = credential_from_seed(seed);
  std::array<std::uint8_t, 64> expanded;
  crypto_hash_sha512(expanded.data(), seed.data(), seed.size());
  expanded[0] &= 248;  // the secret scalar a, clamped as RFC 8032 §5.1.5
  expanded[31] = static_cast<std::uint8_t>((expanded[31] & 127) | 64);
  const Bytes32 r = scalar_from_u64(12345).bytes;
  Bytes32 nonce_point, torsion, torsioned;
  ASSERT_EQ(crypto_scalarmult_ed25519_base_noclamp(nonce_point.data(), r.data()), 0);
  ASSERT_TRUE(from_hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
                       torsion));  // order 8
  ASSERT_EQ(crypto_core_ed25519_add(torsioned.data(), nonce_point.data(), torsion.data()), 0);
  const std::string message = "civic/vote/v2/signature: a torsioned R";
  const auto sign_with = [&](const Bytes32& big_r) {
    std::array<std::uint8_t, 64> hash, signature;
    crypto_hash_sha512_state state;
    crypto_hash_sha512_init(&state);
    crypto_hash_sha512_update(&state, big_r.data(), big_r.size());
    crypto_hash_sha512_update(&state, credential.public_key.data(), credential.public_key.size());
    crypto_hash_sha512_update(&state, reinterpret_cast<const std::uint8_t*>(message.data()),
                              message.size());
    crypto_hash_sha512_final(&state, hash.data());
    Bytes32 k, ka, s;
    crypto_core_ed25519_scalar_reduce(k.data(), hash.data());
    crypto_core_ed25519_scalar_mul(ka.data(), k.data(), expanded.data());
    crypto_core_ed25519_scalar_add(s.data(), r.data(), ka.data());
    std::copy(big_r.begin(), big_r.end(), signature.begin());
    std::copy(s.begin(), s.end(), signature.begin() + 32);
    return crypto_sign_verify_detached(signature.data(),
                                       reinterpret_cast<const std::uint8_t*>(message.data()),
                                       message.size(), credential.public_key.data());
  };
  EXPECT_EQ(sign_with(nonce_point), 0);  // the honest signature verifies
  EXPECT_NE(sign_with(torsioned), 0);    // R + T does not
  EXPECT_NE(sign_with(torsion), 0);      // nor R = T alone
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
