// Replays tests/vectors/*.json through civic::api::call. The node suite replays the
// same files through the npm module, so each vector proves native == wasm, byte for byte.
//
// A vector file: {"function": NAME, "cases": [{"name", "input": {...}, "output": {...}}]}
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "civic/api.hpp"

namespace civic {
namespace {

namespace fs = std::filesystem;

api::Json read_json(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return api::Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
}

TEST(Vectors, EveryVectorGivesItsExactOutput) {
  size_t files = 0, cases = 0;
  for (const auto& entry : fs::directory_iterator(CIVIC_VECTORS_DIR)) {
    if (entry.path().extension() != ".json") continue;
    const api::Json suite = read_json(entry.path());
    ASSERT_FALSE(suite.is_discarded()) << entry.path();
    const std::string function = suite["function"];
    for (const auto& vector : suite["cases"]) {
      const std::string got = api::call(function, api::dump(vector["input"]));
      EXPECT_EQ(got, api::dump(vector["output"]))
          << entry.path().filename() << ": " << vector["name"].get<std::string>();
      ++cases;
    }
    ++files;
  }
  EXPECT_GE(files, 3u);
  EXPECT_GE(cases, 50u);
}

}  // namespace
}  // namespace civic
