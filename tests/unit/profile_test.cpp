#include "civic/profile.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "profile_fixture.hpp"

namespace civic {
namespace {

using profile::Json;

using test::kToday;

std::vector<std::string> codes_and_paths(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const Error& error : errors) out.push_back(error.code + " " + error.path);
  return out;
}

std::shared_ptr<const profile::Profile> load_small() {
  profile::Loaded loaded = profile::load(testing::small_bundle());
  EXPECT_EQ(codes_and_paths(loaded.errors), std::vector<std::string>{});
  return loaded.profile;
}

Json answers_at(Json address) {
  return Json{{"egn", "7501020018"}, {"kind", "permanent"}, {"new_address", std::move(address)}};
}

const Json kGoodAddress = {{"district", "68134-16"},
                           {"settlement", "68134"},
                           {"street", "Акад. Борис Стефанов"},
                           {"number", "5а"},
                           {"postal_code", "1700"}};

TEST(Profile, LoadsEveryPart) {
  auto loaded = load_small();
  ASSERT_TRUE(loaded);
  const profile::Profile& p = *loaded;
  EXPECT_EQ(p.id(), "testville");
  EXPECT_EQ(p.version(), "2026.1");
  ASSERT_EQ(p.districts().size(), 2u);
  EXPECT_TRUE(p.district("68134-16")->live);
  EXPECT_FALSE(p.district("68134-01")->live);
  EXPECT_EQ(p.district("68134-99"), nullptr);
  EXPECT_NE(p.address_register().find("68134-16"), nullptr);
  EXPECT_NE(p.form("address_change"), nullptr);
  EXPECT_EQ(p.form("nope"), nullptr);
  EXPECT_NE(p.policy("pb_voter"), nullptr);
  EXPECT_TRUE(geo::inside({23.3, 42.7}, p.boundary()));
  EXPECT_EQ(p.bundle()["id"], "testville");
  EXPECT_NE(p.functions().find("district_of"), nullptr);
}

TEST(Profile, ContextChecksAddressesAgainstTheRegister) {
  auto p = load_small();
  const auto form = p->form("address_change");
  const forms::Report good = forms::validate(*form, answers_at(kGoodAddress), p->context(kToday));
  EXPECT_TRUE(good.valid);
  EXPECT_EQ(good.computed["district"], "68134-16");

  Json wrong = kGoodAddress;
  wrong["number"] = "7";
  const forms::Report bad = forms::validate(*form, answers_at(wrong), p->context(kToday));
  EXPECT_FALSE(bad.valid);
  EXPECT_EQ(codes_and_paths(bad.errors),
            std::vector<std::string>{"address.number_unknown /new_address/number"});
  EXPECT_TRUE(bad.computed["district"].is_null());
}

TEST(Profile, DistrictNotLiveIsExplained) {
  auto p = load_small();
  Json elsewhere = kGoodAddress;
  elsewhere["district"] = "68134-01";
  const forms::Report report =
      forms::validate(*p->form("address_change"), answers_at(elsewhere), p->context(kToday));
  EXPECT_EQ(codes_and_paths(report.errors),
            std::vector<std::string>{"profile.district_not_live /new_address/district"});
}

// The small profile, its district that is not live (Средец) given places and a village.
std::shared_ptr<const profile::Profile> load_with_places() {
  Json bundle = testing::small_bundle();
  bundle["districts"][1]["places"] = {"Яворов", "Лозенец"};
  bundle["districts"][1]["settlements"] = Json::parse(
      R"([{"ekatte": "68134", "name": "София", "postal_codes": []},
          {"ekatte": "07106", "name": "Бусманци", "postal_codes": ["1520"]}])");
  profile::Loaded loaded = profile::load(bundle);
  EXPECT_EQ(codes_and_paths(loaded.errors), std::vector<std::string>{});
  return loaded.profile;
}

TEST(Profile, PlacesOfADistrictThatIsNotLive) {
  auto p = load_with_places();
  ASSERT_TRUE(p);
  const auto complex = p->places("ж.к. Яворов бл. 12 вх. б", 5);
  ASSERT_EQ(complex.size(), 1u);
  EXPECT_EQ(complex[0].kind, profile::Place::Kind::complex);
  EXPECT_EQ(complex[0].district->id, "68134-01");
  EXPECT_EQ(address::to_json(complex[0].address), (Json{{"district", "68134-01"},
                                                        {"settlement", "68134"},
                                                        {"complex", "Яворов"},
                                                        {"block", "12"},
                                                        {"entrance", "Б"}}));
  const auto village = p->places("Busmantsi", 5);
  ASSERT_EQ(village.size(), 1u);
  EXPECT_EQ(village[0].kind, profile::Place::Kind::settlement);
  EXPECT_EQ(address::to_json(village[0].address),
            (Json{{"district", "68134-01"}, {"settlement", "07106"}, {"postal_code", "1520"}}));
  EXPECT_EQ(p->places("Yavorv 3", 5).size(), 1u);    // one typo
  EXPECT_EQ(p->places("Студентски", 5).size(), 0u);  // a live district's: the register's
  EXPECT_EQ(p->places("София", 5).size(), 0u);       // the city is in every district
  EXPECT_EQ(p->places("о", 1).size(), 1u);
}

TEST(Profile, AnAddressInADistrictThatIsNotLiveIsRecognisedAndAnswered) {
  auto p = load_with_places();
  ASSERT_TRUE(p);
  const auto check = p->context(kToday).address_check;
  for (const Json& address : {Json{{"complex", "Яворов"}, {"block", "12"}},
                              Json{{"settlement", "07106"}, {"street", "Първа"}, {"number", "1"}},
                              Json{{"district", "68134-01"}, {"block", "12"}}}) {
    const std::vector<Error> errors = check(address);
    ASSERT_EQ(codes_and_paths(errors),
              std::vector<std::string>{"profile.district_not_live /district"})
        << address.dump();
    EXPECT_EQ(errors[0].params["name"]["bg"], "Средец");
    EXPECT_NE(errors[0].message.bg.find("лично в районната администрация"), std::string::npos);
  }
  // Elsewhere the register answers as before.
  EXPECT_EQ(codes_and_paths(check(Json{{"complex", "Студентски град"}, {"block", "9"}})),
            std::vector<std::string>{"address.district_unknown /district"});
}

TEST(Profile, RefusesMalformedPlaces) {
  Json bundle = testing::small_bundle();
  bundle["districts"][1]["places"] = "Яворов";
  bundle["districts"][1]["settlements"] = {{{"ekatte", 7106}}};
  EXPECT_EQ(codes_and_paths(profile::load(bundle).errors),
            (std::vector<std::string>{"profile.bad_bundle /districts/1/settlements/0",
                                      "profile.bad_bundle /districts/1/places"}));
}

TEST(Profile, DistrictOfFindsTheDistrictOfAnAddressThatNamesNone) {
  auto p = load_small();
  auto district_of = [&](const Json& address) {
    const expr::Function* function = p->functions().find("district_of");
    const expr::Value args[] = {expr::Value::object(address)};
    return function->call(args, expr::Env{}).to_json();
  };
  Json unnamed = kGoodAddress;
  unnamed.erase("district");
  EXPECT_EQ(district_of(unnamed), "68134-16");
  EXPECT_EQ(district_of(kGoodAddress), "68134-16");
  Json block = {{"complex", "Студентски град"}, {"block", "8"}, {"entrance", "Б"}};
  EXPECT_EQ(district_of(block), "68134-16");
  block["entrance"] = "В";
  EXPECT_TRUE(district_of(block).is_null());
  EXPECT_TRUE(district_of(Json{{"street", 5}}).is_null());
}

TEST(Profile, FormsAndContextsOutliveTheProfile) {
  std::shared_ptr<const forms::Form> form;
  forms::Context context;
  {
    auto p = load_small();
    form = p->form("address_change");
    context = p->context(kToday);
  }
  const forms::Report report = forms::validate(*form, answers_at(kGoodAddress), context);
  EXPECT_TRUE(report.valid);
  EXPECT_EQ(report.computed["district"], "68134-16");
}

std::vector<std::string> problems(const std::function<void(Json&)>& spoil) {
  Json bundle = testing::small_bundle();
  spoil(bundle);
  profile::Loaded loaded = profile::load(bundle);
  EXPECT_EQ(loaded.profile, nullptr);
  return codes_and_paths(loaded.errors);
}

TEST(Profile, RefusesABundleOfAnotherFormat) {
  EXPECT_EQ(problems([](Json& b) { b["format"] = "civickit-profile/2"; }),
            std::vector<std::string>{"profile.unsupported_format /format"});
  EXPECT_EQ(codes_and_paths(profile::load(Json::array()).errors),
            std::vector<std::string>{"profile.bad_bundle "});
}

TEST(Profile, ReportsEveryProblemWithItsPath) {
  const auto found = problems([](Json& b) {
    b["extra"] = 1;
    b.erase("version");
    b["districts"].push_back(b["districts"][0]);
    b["districts"][1]["live"] = true;
    b["register"].push_back(b["register"][0]);
    b["register"][1]["district"] = "68134-99";
    b["forms"][0]["steps"][0]["fields"][0]["type"] = "passport";
    b["policies"].push_back(b["policies"][0]);
    b["boundary"]["properties"] = Json::object();
    b["facts"]["pb_min_age"]["status"] = "maybe";
    b["keys"] = {{"envelope", "00"}};
  });
  EXPECT_EQ(found, (std::vector<std::string>{
                       "profile.unknown_member /extra",
                       "profile.missing_member /version",
                       "profile.duplicate_district /districts/2/id",
                       "profile.unknown_district /register/1/district",
                       "profile.live_mismatch /districts/1/live",
                       "definition.unknown_field_type /forms/0/steps/0/fields/0/type",
                       "profile.duplicate_policy /policies/1/id",
                       "profile.boundary_source_missing /boundary/properties/source",
                       "profile.bad_bundle /facts/pb_min_age",
                       "profile.bad_bundle /keys/envelope",
                   }));
}

TEST(Profile, ReportsPartsThatDoNotLoad) {
  EXPECT_EQ(problems([](Json& b) { b["register"][0]["streets"] = 3; }),
            std::vector<std::string>{"register.bad_json /register/0/streets"});
  EXPECT_EQ(problems([](Json& b) {
              b["boundary"]["geometry"]["coordinates"] = Json::array({Json::array()});
            }),
            std::vector<std::string>{"geo.bad_polygon /boundary/geometry/coordinates/0"});
  EXPECT_EQ(problems([](Json& b) { b["forms"].push_back(b["forms"][0]); }),
            std::vector<std::string>{"profile.duplicate_form /forms/1/id"});
  EXPECT_EQ(problems([](Json& b) {
              b["forms"][0]["computed"][0]["value"] = "district_of(new_address, 1)";
            }),
            std::vector<std::string>{"expr.arity /forms/0/computed/0/value"});
}

}  // namespace
}  // namespace civic

namespace civic {
namespace {

const Json kStudentski16 = {
    {"district", "68134-16"}, {"street", "Акад. Борис Стефанов"}, {"number", "3"}};

// The citizen's path reads a register when it is needed: a damaged one is not refused at load
// but answers every check in its district with profile.register_damaged (load refuses it).
TEST(Profile, ARegisterLoadedFromTextIsCheckedWhenItsDistrictIsNeeded) {
  const std::string sound = testing::small_bundle().dump();
  const auto loaded = profile::load_text(sound);
  ASSERT_TRUE(loaded && loaded->profile);
  EXPECT_TRUE(loaded->profile->context(Date{2026, 1, 1}).address_check(kStudentski16).empty());

  Json damaged = testing::small_bundle();
  damaged["register"][0]["streets"][0]["numbers"] = "1";
  const profile::Loaded refused = profile::load(damaged);
  ASSERT_EQ(refused.errors.size(), 1u);
  EXPECT_EQ(refused.errors[0].code, "register.bad_json");
  EXPECT_EQ(refused.errors[0].path, "/register/0/streets/0/numbers");

  std::string not_json = sound;
  const size_t name = not_json.find("\"Акад.");
  ASSERT_NE(name, std::string::npos);
  not_json.insert(name + 1, "\\q");  // an escape JSON does not have
  ASSERT_TRUE(Json::parse(not_json, nullptr, false).is_discarded());

  for (const auto& [text, code, path] :
       {std::tuple{damaged.dump(), "register.bad_json", "/register/0/streets/0/numbers"},
        std::tuple{not_json, "api.bad_json", "/register/0"}}) {
    const auto deferred = profile::load_text(text);
    ASSERT_TRUE(deferred && deferred->profile) << code;
    const profile::Profile& p = *deferred->profile;
    const auto errors = p.context(Date{2026, 1, 1}).address_check(kStudentski16);
    ASSERT_EQ(errors.size(), 1u) << code;
    EXPECT_EQ(errors[0].code, "profile.register_damaged");
    EXPECT_EQ(errors[0].path, "/district");
    EXPECT_EQ(errors[0].params,
              Json({{"district", "68134-16"}, {"code", code}, {"register", path}}));
    const expr::Value arg = expr::Value::object(kStudentski16);
    EXPECT_TRUE(p.functions().find("district_of")->call(std::span(&arg, 1), {}).is_null());
    // The other checks of the profile are as before: a district that is not live is explained.
    const auto elsewhere =
        p.context(Date{2026, 1, 1}).address_check(Json{{"district", "68134-01"}, {"block", "1"}});
    ASSERT_EQ(elsewhere.size(), 1u);
    EXPECT_EQ(elsewhere[0].code, "profile.district_not_live");
  }
}

// What load_text sets aside is only what it can read back the same: a bundle it cannot walk
// is read whole, with load()'s answer (errors included), and text that is not JSON is refused.
TEST(Profile, LoadTextReadsWholeWhatItCannotSetAside) {
  EXPECT_FALSE(profile::load_text("{\"register\": [{\"district\": \"68134-16\"}").has_value());
  EXPECT_FALSE(profile::load_text("").has_value());
  const auto same_errors = [](const Json& bundle, const std::string& text) {
    const profile::Loaded eager = profile::load(bundle);
    const auto deferred = profile::load_text(text);
    ASSERT_TRUE(deferred);
    ASSERT_EQ(deferred->errors.size(), eager.errors.size()) << text.substr(0, 80);
    for (size_t i = 0; i < eager.errors.size(); ++i) {
      EXPECT_EQ(deferred->errors[i].code, eager.errors[i].code);
      EXPECT_EQ(deferred->errors[i].path, eager.errors[i].path);
    }
  };
  Json bundle = testing::small_bundle();
  bundle["register"][0]["district"] = 16;  // not a string: read at load, refused
  same_errors(bundle, bundle.dump());
  bundle["register"][0]["district"] = "68134-99";  // set aside, yet its district is checked
  same_errors(bundle, bundle.dump());
  bundle["register"][0].erase("district");
  same_errors(bundle, bundle.dump());
  bundle["register"].push_back(testing::small_bundle()["register"][0]);  // a second register
  same_errors(bundle, bundle.dump());
  // A repeated "register" or "district" keeps its last value, as the lenient reader does.
  const std::string sound = testing::small_bundle().dump();
  std::string twice = sound;
  twice.insert(1, R"("register": [{"district": "68134-01"}], )");
  same_errors(testing::small_bundle(), twice);
  std::string district_twice = sound;
  district_twice.insert(district_twice.find("{\"district\"") + 1, R"("district": "x", )");
  same_errors(testing::small_bundle(), district_twice);
  // Escaped names and spaces everywhere.
  std::string escaped = sound;
  escaped.replace(escaped.find("\"district\":\"68134-16\""), 21,
                  " \"distri\\u0063t\" : \"68134-16\" ");
  same_errors(testing::small_bundle(), "\xEF\xBB\xBF " + escaped + " \n");
  EXPECT_EQ(profile::load_text(escaped)->profile->bundle(), testing::small_bundle());
}

}  // namespace
}  // namespace civic
