#include "civic/eligibility.hpp"

#include <gtest/gtest.h>

namespace civic::eligibility {
namespace {

const Json kPolicy = Json::parse(R"({
  "id": "voter", "version": 1, "title": {"bg": "Гласуване", "en": "Voting"},
  "constants": {"min_age": 16},
  "rules": [
    {"id": "age", "check": "age(egn, today) >= min_age",
     "reason": {"bg": "Трябва да сте навършили 16 години", "en": "You must be 16 or over"}},
    {"id": "resident", "check": "resident",
     "reason": {"bg": "Трябва да живеете в общината", "en": "You must live in the municipality"}}
  ]})");

TEST(Eligibility, EveryFailedReasonIsGiven) {
  const Loaded loaded = load(kPolicy);
  ASSERT_TRUE(loaded.policy);
  const Decision no =
      check(*loaded.policy, Json{{"egn", "1548010010"}, {"resident", false}}, {2026, 11, 25});
  EXPECT_FALSE(no.eligible);
  ASSERT_EQ(no.reasons.size(), 2u);
  EXPECT_EQ(no.reasons[0].code, "eligibility.not_met");
  EXPECT_EQ(no.reasons[1].message.en, "You must live in the municipality");
  EXPECT_FALSE(no.rules[0].trace.steps.empty());

  const Decision yes =
      check(*loaded.policy, Json{{"egn", "6101057509"}, {"resident", true}}, {2026, 11, 25});
  EXPECT_TRUE(yes.eligible);
  EXPECT_EQ(to_json(*loaded.policy, yes)["rules"][0]["outcome"], "met");
}

TEST(Eligibility, MissingFactsAreUnknownNotRefusals) {
  const Loaded loaded = load(kPolicy);
  const Decision decision = check(*loaded.policy, Json{{"egn", "6101057509"}}, {2026, 11, 25});
  ASSERT_EQ(decision.reasons.size(), 1u);
  EXPECT_EQ(decision.reasons[0].code, "eligibility.unknown");
  EXPECT_EQ(decision.reasons[0].path, "/rules/1");
}

TEST(Eligibility, BadPoliciesAreRefusedWithPaths) {
  Json policy = kPolicy;
  policy["rules"][1]["check"] = "resident +";
  policy["rules"][0]["id"] = "resident";
  const Loaded loaded = load(policy);
  EXPECT_FALSE(loaded.policy);
  ASSERT_EQ(loaded.errors.size(), 2u);
  EXPECT_EQ(loaded.errors[0].code, "expr.unexpected_token");
  EXPECT_EQ(loaded.errors[0].path, "/rules/1/check");
  EXPECT_EQ(loaded.errors[1].code, "definition.duplicate_id");
}

}  // namespace
}  // namespace civic::eligibility
