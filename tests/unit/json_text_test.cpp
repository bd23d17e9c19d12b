// The JSON reader, writer and number conversions against the libraries they replace: nlohmann's
// own parser and dump(), the C library's strtod and the earlier snprintf-based format_number.
#include "civic/json_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "civic/date.hpp"
#include "civic/jcs.hpp"
#include "civic/strict_json.hpp"

namespace civic {
namespace {

using Json = nlohmann::ordered_json;

double of_bits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}
std::uint64_t bits_of(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

// nlohmann's DOM builder, remembering where parsing stopped.
struct ReferenceBuilder : nlohmann::detail::json_sax_dom_parser<Json> {
  ReferenceBuilder(Json& result, std::size_t& stop)
      : nlohmann::detail::json_sax_dom_parser<Json>(result, false), stop_(stop) {}
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*token*/, const Exception& /*ex*/) {
    stop_ = position;
    return false;
  }
  std::size_t& stop_;
};

// Same type and same value, doubles bit for bit, members in the same order.
bool identical(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_number_float()) return bits_of(a.get<double>()) == bits_of(b.get<double>());
  if (!a.is_structured()) return a == b;
  if (a.size() != b.size()) return false;
  for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
    if (a.is_object() && x.key() != y.key()) return false;
    if (!identical(*x, *y)) return false;
  }
  return true;
}

// Texts near JSON: seeds with random edits, and random bytes.
std::vector<std::string> near_json_texts(int count) {
  const std::string seeds[] = {
      R"({"a":[1,2.5,-3,"x\u00e9\ud83d\ude00",true,false,null],"b":{"c":{}},"d":[]})",
      "[1e5,-0,-0.0,0.1e-3,18446744073709551615,18446744073709551616,-9223372036854775808,"
      "-9223372036854775809,1E+2,1e400,123456789012345678901234567890]",
      R"({"k":1,"k":2,"j":[{"k":3}]})",
      "  \"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"  ",
      "\xEF\xBB\xBF[1]",
      R"(["\\\/\b\f\n\r\t\""])",
      std::string("{}\0x", 4)};
  const std::string alphabet =
      "{}[]:,\"\\ufe0123456789.-+eEtrunlas \t\n\r\x01\x7f\x80\xbf\xc2\xe0\xed\xf0\xf4\xff\xa0\x9f"
      "\x8f\xef\xbb";
  std::mt19937_64 random(7);
  const auto pick = [&] { return alphabet[random() % alphabet.size()]; };
  std::vector<std::string> texts;
  for (int i = 0; i < count; ++i) {
    std::string text = seeds[static_cast<std::size_t>(i) % std::size(seeds)];
    for (int edit = static_cast<int>(random() % 4); edit > 0; --edit) {
      const std::size_t at = random() % (text.size() + 1);
      switch (random() % 3) {
        case 0:
          if (at < text.size()) text.erase(at, 1);
          break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), pick()); break;
        default:
          if (at < text.size()) text[at] = pick();
      }
    }
    if (i % 13 == 0) {
      text.clear();
      for (int n = static_cast<int>(random() % 12); n > 0; --n) text += pick();
    }
    texts.push_back(text);
  }
  return texts;
}

TEST(JsonText, ReadsAsNlohmannParses) {
  int failures = 0;
  for (const std::string& text : near_json_texts(40000)) {
    Json expected;
    std::size_t stop = 0;
    ReferenceBuilder builder(expected, stop);
    const bool ok = Json::sax_parse(text, &builder);
    const Json lenient = parse_json(text);
    if (ok) {
      EXPECT_TRUE(identical(lenient, expected)) << text;
    } else {
      EXPECT_TRUE(lenient.is_discarded()) << text;
      const auto strict = parse_strict_json(text);
      ASSERT_FALSE(strict.ok()) << text;
      if (strict.error().code == "json.syntax") {
        EXPECT_EQ(strict.error().params["byte"], stop) << text;
      }
    }
    failures += ::testing::Test::HasFailure() ? 1 : 0;
    if (failures > 0) break;
  }
}

TEST(JsonText, LenientKeepsFirstPlaceLastValueInLargeObjects) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += "\"k" + std::to_string(i % 40) + "\":" + std::to_string(i) + ",";
  text.back() = '}';
  EXPECT_TRUE(identical(parse_json(text), Json::parse(text)));
}

TEST(JsonText, ReadsNumbersAsStrtod) {
  std::vector<std::string> numbers = {"4.9406564584124654e-324",
                                      "2.4703282292062327e-324",
                                      "2.4703282292062328e-324",
                                      "1.7976931348623157e308",
                                      "1.7976931348623158e308",
                                      "1.7976931348623159e308",
                                      "2.2250738585072011e-308",
                                      "2.2250738585072012e-308",
                                      "0.1",
                                      "1e23",
                                      "9007199254740993.0",
                                      "9007199254740992.5",
                                      "1e-400",
                                      "0.30000000000000004",
                                      "123456789012345678901234567890e-50",
                                      "1" + std::string(800, '0') + "1e-810",
                                      "-0.0",
                                      "1e-0000000000000000000000001"};
  std::mt19937_64 random(11);
  for (int i = 0; i < 20000; ++i) {
    std::string number;
    const int digits = 1 + static_cast<int>(random() % (i % 10 == 0 ? 800 : 25));
    for (int d = 0; d < digits; ++d) number += static_cast<char>('1' + random() % 9);
    const int exponent = i % 7 == 0 ? static_cast<int>(random() % 40) - 20
                                    : static_cast<int>(random() % 700) - 350 - digits;
    number += 'e';
    number += std::to_string(exponent);
    numbers.push_back(number);
    char shortest[32];
    std::snprintf(shortest, sizeof shortest, "%.16e", of_bits(random() & 0x7FEFFFFFFFFFFFFF));
    numbers.push_back(shortest);
  }
  for (const std::string& number : numbers) {
    const double expected = std::strtod(number.c_str(), nullptr);
    const Json read = parse_json(number);
    if (!std::isfinite(expected)) {
      EXPECT_TRUE(read.is_discarded()) << number;
    } else {
      ASSERT_TRUE(read.is_number_float()) << number;
      ASSERT_EQ(bits_of(read.get<double>()), bits_of(expected)) << number;
    }
  }
}

// format_number as it was: the shortest "%.*e" rounding that strtod reads back, else a
// neighbour of it one unit away.
std::string reference_format(double value) {
  const double magnitude = std::fabs(value);
  std::string digits;
  int exponent = 0;
  const auto reads_back = [&](int count, int step) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*e", count - 1, magnitude);
    digits.clear();
    const char* at = buffer;
    for (; *at != 'e'; ++at) {
      if (*at != '.') digits += *at;
    }
    exponent = std::atoi(at + 1);
    if (step != 0) {  // one unit in the last digit, within the same digit count
      std::uint64_t n = std::stoull(digits);
      if (step < 0 && n == 0) return false;
      n = step > 0 ? n + 1 : n - 1;
      const std::string moved = std::to_string(n);
      if (moved.size() != digits.size()) return false;
      digits = moved;
    }
    const std::string text =
        digits.substr(0, 1) + "." + digits.substr(1) + "e" + std::to_string(exponent);
    return std::strtod(text.c_str(), nullptr) == magnitude;
  };
  bool found = false;
  for (int count = 1; count <= 17 && !found; ++count) {
    for (int step : {0, 1, -1}) {
      if (reads_back(count, step)) {
        found = true;
        break;
      }
    }
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size()), n = exponent + 1;
  std::string out = value < 0 ? "-" : "";
  if (k <= n && n <= 21) return out + digits + std::string(static_cast<std::size_t>(n - k), '0');
  if (0 < n && n <= 21)
    return out + digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  if (-6 < n && n <= 0) return out + "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  out += digits.substr(0, 1);
  if (k > 1) out += "." + digits.substr(1);
  return out + (n - 1 < 0 ? "e-" : "e+") + std::to_string(std::abs(n - 1));
}

TEST(JsonText, FormatsNumbersAsBefore) {
  std::mt19937_64 random(5);
  for (int i = 0; i < 20000; ++i) {
    double value;
    switch (i % 4) {
      case 0: value = of_bits(random()); break;
      case 1: value = of_bits(random() & 0x800FFFFFFFFFFFFF); break;  // subnormal
      case 2:
        value =
            static_cast<double>(random() % 100000000) / static_cast<double>(1 + random() % 1000);
        break;
      default: value = of_bits((random() % 2046 + 1) << 52); break;  // powers of two
    }
    if (!std::isfinite(value) || value == 0 || value == std::trunc(value)) continue;
    ASSERT_EQ(jcs::format_number(value), reference_format(value)) << std::hexfloat << value;
  }
}

TEST(JsonText, WritesAsNlohmannDumps) {
  std::mt19937_64 random(3);
  const std::string alphabet =
      "ab\"\\\x01\x1f\x7f\x80\xbf\xc2\xdf\xe0\xa0\xed\x9f\xf0\x90\xf4\x8f\xff\xc0\xe2\x82\xac\n\t";
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = static_cast<int>(random() % 10); n > 0; --n)
      text += alphabet[random() % alphabet.size()];
    Json value =
        Json::array({text, Json::object({{text, i}}), of_bits(random()), -0.0,
                     static_cast<double>(random() % 1000) / 8, static_cast<std::int64_t>(random()),
                     random(), nullptr, true, Json::binary({1, 2, 3}, 7), Json::binary({})});
    ASSERT_EQ(json_text(value), value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

TEST(JsonText, WritesEveryByteAnywhereAsNlohmannDumps) {
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t at = 0; at < 17; ++at) {
      std::string text(17, 'a');
      text[at] = static_cast<char>(byte);
      std::string out;
      append_json_string(out, text);
      ASSERT_EQ(out, Json(text).dump(-1, ' ', false, Json::error_handler_t::replace)) << byte;
    }
  }
}

TEST(JsonText, WritesLongTextAsNlohmannDumps) {
  std::mt19937_64 random(5);
  // Runs of Cyrillic and ASCII with every byte value now and then, cut anywhere.
  const std::string cyrillic = "Няма такъв блок в избрания район";
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = static_cast<int>(random() % 12); n > 0; --n) {
      switch (random() % 4) {
        case 0: text += cyrillic.substr(random() % cyrillic.size()); break;
        case 1: text += "/new_address/apartment"; break;
        case 2: text += cyrillic.substr(0, random() % cyrillic.size()); break;
        default: text += static_cast<char>(random() % 256);
      }
    }
    std::string out = "[";  // appended to, not replaced
    append_json_string(out, text);
    ASSERT_EQ(out.front(), '[');
    ASSERT_EQ(out.substr(1), Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

TEST(JsonText, ZeroPaddedAsPrintf) {
  for (const int number : {0, 7, -7, 42, 2024, -12345, 123456}) {
    for (const int width : {1, 2, 4}) {
      char expected[16];
      std::snprintf(expected, sizeof expected, "%0*d", width, number);
      EXPECT_EQ(zero_padded(number, width), expected);
    }
  }
}

}  // namespace
}  // namespace civic
