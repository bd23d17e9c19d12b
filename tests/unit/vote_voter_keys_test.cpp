// Keyed hashes naming voters and phones, and the forms a phone number may be typed in.
#include <gtest/gtest.h>

#include "civic/vote/voter_keys.hpp"

namespace {

using civic::vote::Bytes32;

Bytes32 key(std::uint8_t fill) {
  Bytes32 bytes{};
  bytes.fill(fill);
  return bytes;
}

TEST(VoterKeys, HashDependsOnKeyNumberAndPurpose) {
  const std::string hash = civic::vote::voter_hash(key(1), "7501020018");
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, civic::vote::voter_hash(key(1), "7501020018"));
  EXPECT_NE(hash, civic::vote::voter_hash(key(2), "7501020018"));
  EXPECT_NE(hash, civic::vote::voter_hash(key(1), "7501020019"));
  EXPECT_NE(hash, civic::vote::phone_hash(key(1), "7501020018"));
  EXPECT_EQ(hash.find("7501020018"), std::string::npos);
}

TEST(VoterKeys, PhonesInEveryUsualFormAreOneNumber) {
  for (const char* typed :
       {"0888 123 456", "+359888123456", "00359888123456", "+359-888-123-456"}) {
    EXPECT_EQ(civic::vote::normalise_phone(typed), "+359888123456") << typed;
  }
  EXPECT_EQ(civic::vote::normalise_phone("+44 20 7946 0958"), "+442079460958");
}

TEST(VoterKeys, NotAPhoneNumber) {
  for (const char* typed : {"", "888123456", "+359", "0888 12a 456", "++359888123456",
                            "+3598881234567890123", "08881 2345 6+"}) {
    EXPECT_EQ(civic::vote::normalise_phone(typed), std::nullopt) << typed;
  }
}

TEST(VoterKeys, PersonalNumberShape) {
  EXPECT_TRUE(civic::vote::is_personal_number("7501020018"));
  EXPECT_FALSE(civic::vote::is_personal_number("750102001"));
  EXPECT_FALSE(civic::vote::is_personal_number("75010200181"));
  EXPECT_FALSE(civic::vote::is_personal_number("750102001X"));
}

}  // namespace
