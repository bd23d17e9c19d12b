// Strict reading of board files and API requests: one reading for every reader.
#include <gtest/gtest.h>

#include "civic/api.hpp"
#include "civic/strict_json.hpp"
#include "vote_fixtures.hpp"

namespace civic::vote {
namespace {

std::string error_of(const BoardFiles& files) {
  auto records = read_board_records(files);
  return records ? "ok" : records.error().code + " at " + records.error().path;
}

const std::string kEntry = R"({"status":"cast","ballot":{}})";

TEST(StrictJson, RefusesRepeatedNamesWithTheirPointer) {
  EXPECT_TRUE(parse_strict_json(R"({"a":[{"b":1},{"b":2}]})").ok());
  const auto repeated = parse_strict_json(R"({"a":[{"b":1},{"c":1,"b":2,"b":3}]})");
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.error().code, "json.duplicate_key");
  EXPECT_EQ(repeated.error().path, "/a/1/b");
  EXPECT_EQ(parse_strict_json(R"({"x/y":{"~":1,"~":2}})").error().path, "/x~1y/~0");
  EXPECT_EQ(parse_strict_json(R"([[1,2],{"k":0,"k":0}])").error().path, "/1/k");
}

TEST(StrictJson, RefusesAByteOrderMarkAndBadSyntax) {
  EXPECT_EQ(parse_strict_json("\xEF\xBB\xBF{}").error().code, "json.bom");
  EXPECT_EQ(parse_strict_json("{} x").error().code, "json.syntax");
  EXPECT_EQ(parse_strict_json("").error().code, "json.syntax");
}

TEST(ParseJson, ReadsAsNlohmannParseDoes) {
  // Nested objects after large members, arrays of objects, every kind of value, and a
  // repeated member (its first place, its last value).
  const std::string text =
      R"({"big":{"list":[1,-2,3.5,"x",true,null,{"k":[]}],"o":{"a":"б","b":{}}},)"
      R"("c":[{"n":1,"m":2,"n":3},[],{}],"big":{"again":1},"d":"\u00e9",)"
      R"("e":18446744073709551615,"f":-9223372036854775808,"g":1e300})";
  const nlohmann::ordered_json json = parse_json(text);
  EXPECT_EQ(json.dump(), nlohmann::ordered_json::parse(text).dump());
  EXPECT_EQ(json.dump(), R"({"big":{"again":1},"c":[{"n":3,"m":2},[],{}],"d":"é",)"
                         R"("e":18446744073709551615,"f":-9223372036854775808,"g":1e+300})");
  EXPECT_EQ(parse_json("7").dump(), "7");
  EXPECT_TRUE(parse_json(R"({"a":[1,}})").is_discarded());
  EXPECT_TRUE(parse_json("").is_discarded());
}

TEST(StrictJson, ReadsWhatTheLenientReadingReads) {
  const std::string text = R"({"a":[{"b":1},{"c":[2,{"d":null}]}],"e":"f"})";
  ASSERT_TRUE(parse_strict_json(text).ok());
  EXPECT_EQ(parse_strict_json(text).value().dump(), parse_json(text).dump());
  EXPECT_EQ(parse_strict_json("[[[]]]", 3).value().dump(), "[[[]]]");
  EXPECT_EQ(parse_strict_json("[[[[]]]]", 3).error().code, "json.too_deep");
}

TEST(VoteBoardRead, RecordsAreReadStrictly) {
  BoardFiles files;
  files.ballots = "";
  EXPECT_EQ(error_of(files), "ok");
  files.manifest = "\xEF\xBB\xBF{}";
  EXPECT_EQ(error_of(files), "json.bom at /manifest");
  files.manifest = "{}";
  // A results file with "counts" twice: nlohmann would keep the second.
  files.result = R"({"election":"00","counts":[],"partial_decryptions":[],"counts":[1]})";
  EXPECT_EQ(error_of(files), "json.duplicate_key at /result/counts");
}

TEST(VoteBoardRead, BallotLinesAreReadStrictly) {
  BoardFiles files;
  files.ballots = kEntry + "\n" + kEntry + "\n";
  auto records = read_board_records(files);
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->ballots.size(), 2u);
  EXPECT_TRUE(records->manifest.is_null());

  files.ballots = kEntry + "\n" + R"({"status":"cast","status":"spoiled","ballot":{}})" + "\n";
  EXPECT_EQ(error_of(files), "json.duplicate_key at /ballots/1/status");
  files.ballots = kEntry + "\n\n" + kEntry + "\n";
  EXPECT_EQ(error_of(files), "vote.ballots.blank_line at /ballots/1");
  files.ballots = kEntry + "\n" + kEntry + "\n \n";
  EXPECT_EQ(error_of(files), "vote.ballots.blank_line at /ballots/2");
  files.ballots = kEntry + "\n" + kEntry + "\ngarbage\n";
  EXPECT_EQ(error_of(files), "json.syntax at /ballots/2");
  files.ballots = kEntry + "\n" + kEntry;
  EXPECT_EQ(error_of(files), "vote.ballots.line_end at /ballots/1");
  files.ballots = "\xEF\xBB\xBF" + kEntry + "\n";
  EXPECT_EQ(error_of(files), "json.bom at /ballots/0");
  files.ballots = std::nullopt;  // no ballots.jsonl: null, refused by the verifier
  EXPECT_TRUE(read_board_records(files)->ballots.is_null());
}

TEST(VoteBoardRead, ApiRequestsAreReadStrictly) {
  const std::string manifest = testing::manifest_json().dump();
  const api::Json ok =
      api::Json::parse(api::call("vote.manifest_hash", R"({"manifest":)" + manifest + "}"));
  EXPECT_TRUE(ok.contains("base_hash"));
  const api::Json twice = api::Json::parse(
      api::call("vote.manifest_hash", R"({"manifest":)" + manifest + R"(,"manifest":{}})"));
  EXPECT_EQ(twice["error"]["code"], "json.duplicate_key");
  EXPECT_EQ(twice["error"]["path"], "/manifest");
  const api::Json bom =
      api::Json::parse(api::call("vote.manifest_hash", "\xEF\xBB\xBF{\"manifest\":{}}"));
  EXPECT_EQ(bom["error"]["code"], "json.bom");
  const api::Json bad = api::Json::parse(api::call("vote.manifest_hash", "{"));
  EXPECT_EQ(bad["error"]["code"], "api.bad_json");
}

}  // namespace
}  // namespace civic::vote
