// The service catalogue: the forms' "service" blocks, the profile's life events and election
// service, read strictly, and the catalogue grouped from them (docs/profile.md).
#include <gtest/gtest.h>

#include "civic/profile.hpp"
#include "profile_fixture.hpp"

namespace civic {
namespace {

using profile::Json;

Json message(const char* bg, const char* en) { return Json{{"bg", bg}, {"en", en}}; }

Json service_block() {
  return Json{{"life_event", "moving_home"},
              {"summary", message("Нов адрес", "A new address")},
              {"you_need", Json::array({message("ЕГН", "EGN")})},
              {"duration", message("до 7 работни дни", "within 7 working days")},
              {"fee", {{"computed", Json::array({"fee_fast", "fee_standard"})}}},
              {"legal_basis",
               {{"text", message("ЗГР", "Civil Registration Act")},
                {"url", "https://address.sofia.bg/bg/c/faq"}}}};
}

// The small profile with two life events, a service on its form and an election service.
Json catalogue_bundle() {
  Json bundle = testing::small_bundle();
  bundle["life_events"] =
      Json::array({{{"id", "moving_home"}, {"title", message("Адрес", "Moving")}},
                   {{"id", "city_life"}, {"title", message("Град", "City")}}});
  Json& form = bundle["forms"][0];
  form["computed"].push_back({{"id", "fee_standard"}, {"value", "2.56"}});
  form["computed"].push_back({{"id", "fee_fast"}, {"value", "5.11"}});
  form["service"] = service_block();
  Json elections = service_block();
  elections.erase("life_event");
  elections["life_event"] = "city_life";
  elections["fee"] = {{"text", message("без такса", "no fee")}};
  bundle["election_service"] = elections;
  return bundle;
}

std::vector<std::string> catalogue_problems(void (*change)(Json&)) {
  Json bundle = catalogue_bundle();
  change(bundle);
  std::vector<std::string> out;
  for (const Error& error : profile::load(bundle).errors)
    out.push_back(error.code + " " + error.path);
  return out;
}

TEST(Catalogue, GroupsTheFormsServicesByLifeEventInTheProfilesOrder) {
  const profile::Loaded loaded = profile::load(catalogue_bundle());
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().code << loaded.errors.front().path;
  const Json catalogue = profile::catalogue_json(*loaded.profile);
  ASSERT_EQ(catalogue["life_events"].size(), 2u);
  const Json& moving = catalogue["life_events"][0];
  EXPECT_EQ(moving["id"], "moving_home");
  ASSERT_EQ(moving["services"].size(), 1u);
  const Json& change = moving["services"][0];
  EXPECT_EQ(change["form"], "address_change");
  EXPECT_EQ(change["title"], message("Адрес", "Address"));
  EXPECT_EQ(change["fee"], Json({{"min_eur", 2.56}, {"max_eur", 5.11}}));
  EXPECT_EQ(change["legal_basis"]["url"], "https://address.sofia.bg/bg/c/faq");
  EXPECT_FALSE(moving.contains("elections"));
  const Json& city = catalogue["life_events"][1];
  EXPECT_TRUE(city["services"].empty());
  EXPECT_EQ(city["elections"]["fee"], Json({{"text", message("без такса", "no fee")}}));
  EXPECT_EQ(loaded.profile->election_service()->life_event, "city_life");
}

TEST(Catalogue, AProfileWithoutLifeEventsHasAnEmptyCatalogue) {
  const profile::Loaded loaded = profile::load(testing::small_bundle());
  ASSERT_TRUE(loaded.profile);
  EXPECT_TRUE(loaded.profile->life_events().empty());
  EXPECT_EQ(profile::catalogue_json(*loaded.profile), Json({{"life_events", Json::array()}}));
}

TEST(Catalogue, AServiceNamesALifeEventOfTheProfile) {
  EXPECT_EQ(
      catalogue_problems([](Json& b) { b["forms"][0]["service"]["life_event"] = "retiring"; }),
      std::vector<std::string>{"profile.unknown_life_event /forms/0/service/life_event"});
  EXPECT_EQ(catalogue_problems([](Json& b) { b["election_service"]["life_event"] = "Bad id"; }),
            std::vector<std::string>{"definition.bad_id /election_service/life_event"});
  EXPECT_EQ(catalogue_problems([](Json& b) { b["life_events"].push_back(b["life_events"][0]); }),
            std::vector<std::string>{"profile.duplicate_life_event /life_events/2/id"});
  EXPECT_EQ(catalogue_problems([](Json& b) { b["life_events"][1].erase("title"); }),
            (std::vector<std::string>{"definition.missing_member /life_events/1/title",
                                      "profile.unknown_life_event /election_service/life_event"}));
  EXPECT_EQ(catalogue_problems([](Json& b) { b["life_events"] = "moving_home"; }),
            (std::vector<std::string>{"profile.bad_bundle /life_events",
                                      "profile.unknown_life_event /election_service/life_event",
                                      "profile.unknown_life_event /forms/0/service/life_event"}));
}

TEST(Catalogue, RefusesEveryProblemOfAServiceBlockWithItsPath) {
  EXPECT_EQ(catalogue_problems([](Json& b) {
              Json& service = b["forms"][0]["service"];
              service.erase("summary");
              service["you_need"] = Json::array();
              service["duration"] = "soon";
              service["legal_basis"]["url"] = "http://address.sofia.bg";
              service["extra"] = true;
            }),
            (std::vector<std::string>{
                "definition.unknown_member /forms/0/service/extra",
                "definition.missing_member /forms/0/service/summary",
                "definition.bad_service /forms/0/service/you_need",
                "definition.wrong_type /forms/0/service/duration",
                "definition.bad_url /forms/0/service/legal_basis/url",
            }));
}

TEST(Catalogue, AFeeIsATextOrTheFormsFixedAmounts) {
  EXPECT_EQ(catalogue_problems(
                [](Json& b) { b["forms"][0]["service"]["fee"]["text"] = message("а", "a"); }),
            std::vector<std::string>{"definition.bad_fee /forms/0/service/fee"});
  EXPECT_EQ(catalogue_problems([](Json& b) { b["forms"][0]["service"]["fee"] = Json::object(); }),
            std::vector<std::string>{"definition.bad_fee /forms/0/service/fee"});
  EXPECT_EQ(catalogue_problems(
                [](Json& b) { b["forms"][0]["service"]["fee"]["computed"] = {"district"}; }),
            std::vector<std::string>{"definition.bad_fee /forms/0/service/fee/computed/0"});
  EXPECT_EQ(
      catalogue_problems([](Json& b) { b["forms"][0]["service"]["fee"]["computed"] = {"fee_x"}; }),
      std::vector<std::string>{"definition.unknown_member /forms/0/service/fee/computed/0"});
  EXPECT_EQ(catalogue_problems(
                [](Json& b) { b["forms"][0]["service"]["fee"]["computed"] = Json::array(); }),
            std::vector<std::string>{"definition.bad_fee /forms/0/service/fee/computed"});
  EXPECT_EQ(catalogue_problems([](Json& b) {
              b["election_service"]["fee"] = {{"computed", Json::array({"fee_fast"})}};
            }),
            std::vector<std::string>{"definition.bad_fee /election_service/fee/computed"});
}

}  // namespace
}  // namespace civic
