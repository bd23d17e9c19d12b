#include "civic/reference.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>

namespace civic::reference {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

SeededRng rng_of(std::uint8_t byte) {
  std::array<std::uint8_t, SeededRng::kSeedBytes> seed{};
  seed.fill(byte);
  return SeededRng(seed);
}

TEST(Reference, MakesCanonicalCodesOfTheKindsLength) {
  auto rng = rng_of(1);
  for (const Kind kind : {Kind::submission, Kind::status}) {
    const std::string code = make(kind, rng);
    EXPECT_EQ(code.size(), length(kind));
    auto parsed = parse(kind, code);
    ASSERT_TRUE(parsed.ok()) << code;
    EXPECT_EQ(*parsed, code);
  }
  EXPECT_EQ(length(Kind::submission), 11u);
  EXPECT_EQ(length(Kind::status), 16u);
}

TEST(Reference, TheSameSeedGivesTheSameCodesAndCodesDiffer) {
  auto first = rng_of(2);
  auto second = rng_of(2);
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string code = make(Kind::submission, first);
    EXPECT_EQ(code, make(Kind::submission, second));
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Reference, ReadsWhatAPersonTypes) {
  auto rng = rng_of(3);
  const std::string code = make(Kind::submission, rng);
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // append(), not " " + …: g++ 12 reports a false -Wrestrict on the literal + string chain.
  const std::string spaced = std::string(" ").append(display(code)).append(" ");
  for (const std::string& typed :
       {display(code), lower, spaced, code.substr(0, 4) + " " + code.substr(4)}) {
    auto parsed = parse(Kind::submission, typed);
    ASSERT_TRUE(parsed.ok()) << typed;
    EXPECT_EQ(*parsed, code) << typed;
  }
}

TEST(Reference, ReadsLookAlikesAsWhatTheyLookLike) {
  // A code holding 0 and 1, typed with O, I and L.
  auto rng = rng_of(4);
  for (int i = 0; i < 2000; ++i) {
    const std::string code = make(Kind::status, rng);
    const auto zero = code.find('0');
    const auto one = code.find('1');
    if (zero == std::string::npos || one == std::string::npos) continue;
    std::string typed = code;
    typed[zero] = 'o';
    typed[one] = 'L';
    auto parsed = parse(Kind::status, typed);
    ASSERT_TRUE(parsed.ok()) << typed;
    EXPECT_EQ(*parsed, code);
    return;
  }
  FAIL() << "no code with both 0 and 1 in 2000 draws";
}

TEST(Reference, RefusesEverySingleMistypedSymbol) {
  auto rng = rng_of(5);
  const std::string code = make(Kind::submission, rng);
  for (std::size_t at = 0; at < code.size(); ++at) {
    for (const char symbol : kAlphabet) {
      if (symbol == code[at]) continue;
      std::string typed = code;
      typed[at] = symbol;
      auto parsed = parse(Kind::submission, typed);
      ASSERT_FALSE(parsed.ok()) << typed;
      EXPECT_EQ(parsed.error().code, "reference.check");
    }
  }
}

TEST(Reference, RefusesSwapsOfNeighboursButZeroAndZ) {
  auto rng = rng_of(6);
  int swaps = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string code = make(Kind::status, rng);
    for (std::size_t at = 0; at + 1 < code.size(); ++at) {
      if (code[at] == code[at + 1]) continue;
      const std::set<char> pair{code[at], code[at + 1]};
      if (pair == std::set<char>{'0', 'Z'}) continue;
      std::string typed = code;
      std::swap(typed[at], typed[at + 1]);
      ++swaps;
      EXPECT_FALSE(parse(Kind::status, typed).ok()) << code << " → " << typed;
    }
  }
  EXPECT_GT(swaps, 2000);
}

TEST(Reference, RefusesWrongLengthsAndCharactersWithTheExpectedLength) {
  for (const std::string_view typed :
       {"", "7K2M", "7K2M-Q9XA-B3W9", "7K2M-Q9XA-B3Ü", "7K2M_Q9XAB3W"}) {
    auto parsed = parse(Kind::submission, typed);
    ASSERT_FALSE(parsed.ok()) << typed;
    EXPECT_EQ(parsed.error().code, "reference.malformed") << typed;
    EXPECT_EQ(parsed.error().params["expected_length"], 11);
    EXPECT_FALSE(parsed.error().message.bg.empty());
    EXPECT_FALSE(parsed.error().message.en.empty());
  }
  auto rng = rng_of(7);
  EXPECT_FALSE(parse(Kind::status, make(Kind::submission, rng)).ok());
}

TEST(Reference, DisplaysInGroupsOfFour) {
  EXPECT_EQ(display("7K2MQ9XAB3W"), "7K2M-Q9XA-B3W");
  EXPECT_EQ(display("ABCDEFGHJKMNPQRS"), "ABCD-EFGH-JKMN-PQRS");
  EXPECT_EQ(display(""), "");
}

}  // namespace
}  // namespace civic::reference
