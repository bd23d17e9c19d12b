#include "civic/jcs.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>

namespace civic {
namespace {

using Json = nlohmann::ordered_json;

std::string canonical(const char* json_text) {
  auto out = jcs::canonicalize(Json::parse(json_text));
  return out ? *out : "error: " + out.error().code;
}

std::string number_of_bits(std::uint64_t bits) {
  double value;  // std::bit_cast is missing from Emscripten 3.1.6's libc++
  static_assert(sizeof value == sizeof bits);
  std::memcpy(&value, &bits, sizeof value);
  return jcs::format_number(value);
}

// RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical text.
TEST(Jcs, NumbersOfRfc8785AppendixB) {
  const std::pair<std::uint64_t, const char*> samples[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& [bits, text] : samples)
    EXPECT_EQ(number_of_bits(bits), text) << std::hex << bits;
}

TEST(Jcs, NumbersInEcmaScriptNotation) {
  EXPECT_EQ(jcs::format_number(1), "1");
  EXPECT_EQ(jcs::format_number(-1.5), "-1.5");
  EXPECT_EQ(jcs::format_number(100), "100");
  EXPECT_EQ(jcs::format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(jcs::format_number(1e20), "100000000000000000000");
  // The edges of the integer path (below 2^53) and the search beyond it.
  EXPECT_EQ(jcs::format_number(9007199254740991.0), "9007199254740991");
  EXPECT_EQ(jcs::format_number(-9007199254740991.0), "-9007199254740991");
  EXPECT_EQ(jcs::format_number(4503599627370497.0), "4503599627370497");
  EXPECT_EQ(jcs::format_number(9007199254740994.0), "9007199254740994");
  EXPECT_EQ(jcs::format_number(2.5), "2.5");
  EXPECT_EQ(jcs::format_number(1e-7), "1e-7");
  EXPECT_EQ(jcs::format_number(1.5e-7), "1.5e-7");
  EXPECT_EQ(jcs::format_number(123e25), "1.23e+27");
  EXPECT_EQ(jcs::format_number(std::numeric_limits<double>::denorm_min() * 3), "1.5e-323");
}

// RFC 8785 §3.2.2: the example with every kind of value.
TEST(Jcs, Rfc8785ExampleOfSection322) {
  const char* input = R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })";
  EXPECT_EQ(canonical(input),
            R"({"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],)"
            R"("string":"€$\u000f\nA'B\"\\\\\"/"})");
}

// RFC 8785 §3.2.3: member names sort by UTF-16 code units (the emoji's surrogates sort
// before U+FB33 although its code point is larger).
TEST(Jcs, Rfc8785SortingExample) {
  const char* input = R"({
    "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })";
  EXPECT_EQ(canonical(input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
            "\"😀\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
}

TEST(Jcs, NestedValuesSortAtEveryLevel) {
  EXPECT_EQ(canonical(R"({"b":{"z":1,"a":[{"y":2,"x":1}]},"a":[]})"),
            R"({"a":[],"b":{"a":[{"x":1,"y":2}],"z":1}})");
  EXPECT_EQ(canonical("\"\\u2028\\u007f\\b\\f\\t\""), "\"\u2028\x7f\\b\\f\\t\"");
  EXPECT_EQ(canonical("12345678901234567890"), "12345678901234567000");
  EXPECT_EQ(canonical("-9007199254740993"), "-9007199254740992");
}

TEST(Jcs, RefusesWhatJsonCannotCarry) {
  Json bad_text{{"name", "caf\xC3"}};
  auto out = jcs::canonicalize(bad_text);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, "jcs.invalid_utf8");
  EXPECT_EQ(out.error().path, "/name");

  Json bad_key{{"a/b~\xFF", 1}};
  EXPECT_EQ(jcs::canonicalize(bad_key).error().path, "/a~1b~0\xFF");

  Json not_finite = Json::array({1, std::numeric_limits<double>::infinity()});
  EXPECT_EQ(jcs::canonicalize(not_finite).error().code, "jcs.not_finite");
  EXPECT_EQ(jcs::canonicalize(not_finite).error().path, "/1");

  Json deep = 1;
  for (int i = 0; i < jcs::kMaxDepth; ++i) deep = Json::array({deep});
  EXPECT_TRUE(jcs::canonicalize(deep).ok());
  deep = Json::array({deep});
  EXPECT_EQ(jcs::canonicalize(deep).error().code, "jcs.too_deep");

  EXPECT_EQ(jcs::canonicalize(Json::binary({1, 2})).error().code, "jcs.unsupported");
}

}  // namespace
}  // namespace civic
