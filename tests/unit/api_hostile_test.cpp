// Every API function, fed hostile inputs, answers JSON and never crashes: each value at every
// level of each function's vector inputs (tests/vectors) is replaced in turn by a value of every
// other kind. A crash fails the binary (in wasm a C++ throw aborts the module); an api.internal
// answer means a function let an exception out natively.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "civic/api.hpp"

namespace civic {
namespace {

namespace fs = std::filesystem;
using api::Json;

// The first vector input of each function, by function name.
std::map<std::string, std::vector<Json>> vector_inputs() {
  std::map<std::string, std::vector<Json>> inputs;
  for (const auto& entry : fs::directory_iterator(CIVIC_VECTORS_DIR)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const Json suite = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (!suite.is_object() || !suite.contains("function") || !suite.contains("cases")) continue;
    auto& mine = inputs[suite["function"].get<std::string>()];
    for (const Json& vector : suite["cases"]) {
      if (mine.empty()) mine.push_back(vector["input"]);
    }
  }
  return inputs;
}

Json deep(int levels) {
  Json value = Json::array();
  for (int i = 0; i < levels; ++i) value = Json::array({std::move(value)});
  return value;
}

const std::vector<Json>& hostile_values() {
  static const std::vector<Json> kValues = {
      nullptr,
      true,
      0,
      -1,
      Json(std::numeric_limits<std::int64_t>::min()),
      Json(std::numeric_limits<std::uint64_t>::max()),
      1.7976931348623157e308,
      -0.5,
      "",
      "\xff\xfe not UTF-8",
      Json::array(),
      Json::array({nullptr, 1, "x"}),
      Json::object(),
      Json{{"bg", 0}, {"en", Json::array()}, {"type", Json::object()}},
      deep(200),
  };
  return kValues;
}

// Every JSON pointer inside `value`, the root included.
void collect_pointers(const Json& value, const Json::json_pointer& at,
                      std::vector<Json::json_pointer>& out) {
  out.push_back(at);
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) collect_pointers(member, at / key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) collect_pointers(value[i], at / i, out);
  }
}

// Calls `function` with `input` and checks the answer is a JSON object and no api.internal.
void expect_json_answer(const std::string& function, const Json& input, const std::string& where) {
  const std::string answer = api::call(function, api::dump(input));
  const Json parsed = Json::parse(answer, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(parsed.is_object()) << function << " " << where << ": " << answer;
  if (parsed.contains("error") && parsed["error"].is_object()) {
    EXPECT_NE(parsed["error"].value("code", ""), "api.internal")
        << function << " " << where << ": " << answer;
  }
}

TEST(ApiHostile, EveryFunctionAnswersEveryWrongTypeAtEveryLevel) {
  const auto inputs = vector_inputs();
  std::size_t calls = 0;
  for (const std::string& function : api::functions()) {
    const auto found = inputs.find(function);
    ASSERT_NE(found, inputs.end()) << function << " has no vector in tests/vectors";
    for (const Json& input : found->second) {
      std::vector<Json::json_pointer> pointers;
      collect_pointers(input, Json::json_pointer(), pointers);
      for (const auto& pointer : pointers) {
        for (const Json& hostile : hostile_values()) {
          Json mutated = input;
          mutated[pointer] = hostile;
          expect_json_answer(function, mutated, pointer.to_string());
          ++calls;
        }
      }
    }
  }
  EXPECT_GT(calls, 1000u);
}

TEST(ApiHostile, EveryFunctionAnswersNonObjectsAndTooDeepInputs) {
  const std::vector<std::string> texts = {
      "null",
      "[]",
      "[{}]",
      "1e999999",
      "\"x\"",
      "{\"a\":",
      std::string(5000, '[') + std::string(5000, ']'),
  };
  for (const std::string& function : api::functions()) {
    for (const std::string& text : texts) {
      const Json parsed = Json::parse(api::call(function, text), nullptr, false);
      ASSERT_TRUE(parsed.is_object()) << function << " " << text.substr(0, 20);
      EXPECT_NE(parsed.dump().find("\"error\""), std::string::npos) << function;
    }
  }
  const Json refused =
      Json::parse(api::call("id.check", std::string(5000, '[') + std::string(5000, ']')));
  EXPECT_EQ(refused["error"]["code"], "api.too_deep");
}

}  // namespace
}  // namespace civic
