#include "civic/api.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace civic {
namespace {

api::Json call(const char* function, const char* input) {
  return api::Json::parse(api::call(function, input));
}

TEST(Api, IdCheckReportsEveryField) {
  EXPECT_EQ(api::call("id.check", R"({"number":"6101057509","today":"2026-11-25"})"),
            R"({"input":"6101057509","kind":"egn","valid":true,"code":null,)"
            R"("birth_date":"1961-01-05","sex":"male","message":null})");
}

TEST(Api, IdCheckExplainsARefusal) {
  auto out = call("id.check", R"({"number":"7501010019","today":"2026-11-25"})");
  EXPECT_EQ(out["valid"], false);
  EXPECT_EQ(out["code"], "egn.checksum");
  EXPECT_TRUE(out["message"]["bg"].is_string());
  EXPECT_TRUE(out["message"]["en"].is_string());
}

TEST(Api, RefusesMalformedRequests) {
  EXPECT_EQ(call("id.check", "{")["error"]["code"], "api.bad_json");
  EXPECT_EQ(call("id.check", "[]")["error"]["code"], "api.bad_request");
  EXPECT_EQ(call("nope", "{}")["error"]["code"], "api.unknown_function");
  auto missing = call("id.check", R"({"today":"2026-11-25"})");
  EXPECT_EQ(missing["error"]["code"], "api.bad_request");
  EXPECT_EQ(missing["error"]["path"], "/number");
  auto wrong_type = call("id.check", R"({"number":7501020018,"today":"2026-11-25"})");
  EXPECT_EQ(wrong_type["error"]["path"], "/number");
  auto bad_day = call("id.check", R"({"number":"7501020018","today":"2026-02-30"})");
  EXPECT_EQ(bad_day["error"]["code"], "date.not_real");
  EXPECT_EQ(bad_day["error"]["path"], "/today");
  auto bad_kind = call("id.check", R"({"number":"1","today":"2026-11-25","kind":"vat"})");
  EXPECT_EQ(bad_kind["error"]["code"], "id.kind_unknown");
  EXPECT_EQ(bad_kind["error"]["path"], "/kind");
}

TEST(Api, RefusesJsonThatIsNotUtf8) {
  EXPECT_EQ(
      call("id.check", "{\"number\":\"75\\udc00\",\"today\":\"2026-11-25\"}")["error"]["code"],
      "api.bad_json");
  EXPECT_EQ(call("id.check", "{\"number\":\"75\xff\",\"today\":\"2026-11-25\"}")["error"]["code"],
            "api.bad_json");
}

TEST(Api, EchoesUndecodableBytesAsReplacementCharacters) {
  // The CLI reads raw lines: bytes that are not UTF-8 are echoed as U+FFFD, never dropped.
  const api::Json result =
      api::call_json("id.check", api::Json{{"number", "75\xff"}, {"today", "2026-11-25"}});
  EXPECT_EQ(api::dump(result["input"]), "\"75\xEF\xBF\xBD\"");
  EXPECT_EQ(result["code"], "egn.length");
}

TEST(Api, TextFunctions) {
  EXPECT_EQ(api::call("text.translit", R"({"text":"София"})"), R"({"text":"Sofia"})");
  EXPECT_EQ(api::call("text.fold", R"({"text":"бул. Витоша"})"), R"({"text":"bul vitosha"})");
}

// The names a part of the API knows: those it does not answer with api.unknown_function.
std::vector<std::string> known_by(std::string (*part)(std::string_view, std::string_view)) {
  std::vector<std::string> known;
  for (const std::string& function : api::functions()) {
    const api::Json output = api::Json::parse(part(function, "{}"));
    if (!output.contains("error") || output["error"]["code"] != "api.unknown_function") {
      known.push_back(function);
    }
  }
  return known;
}

TEST(Api, ThreePartsHoldEveryFunctionOnce) {
  // The wasm package links each part into a module of its own (docs/api.md): the citizen's
  // civickit.wasm must hold what the web app's pages call and nothing a citizen never needs.
  const std::vector<std::string> citizen = known_by(&api::call_citizen);
  const std::vector<std::string> tools = known_by(&api::call_tools);
  const std::vector<std::string> vote = known_by(&api::call_vote);
  EXPECT_EQ(citizen,
            (std::vector<std::string>{
                "certificate.verify", "envelope.canonicalize", "file.media_type", "form.validate",
                "id.check", "receipt.verify", "reference.parse", "text.fold", "text.translit"}));
  EXPECT_EQ(vote, (std::vector<std::string>{"geo.inside", "vote.credential", "vote.encrypt",
                                            "vote.manifest_hash", "vote.spoil",
                                            "vote.verify_ballot", "vote.verify_spoiled"}));
  EXPECT_EQ(citizen.size() + tools.size() + vote.size(), api::functions().size());
  for (const std::string& function : tools) {
    EXPECT_EQ(std::count(citizen.begin(), citizen.end(), function) +
                  std::count(vote.begin(), vote.end(), function),
              0)
        << function;
  }
}

}  // namespace
}  // namespace civic
