// The Sofia profile against its fixtures (tests/profile/sofia/README.md): the folder assembles
// into a bundle that loads; every valid answers file validates on its `today`; every mistake
// gives exactly the expected error codes at the expected paths; the constants the forms and
// the vote policy use are the values facts.json documents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "civic/api.hpp"
#include "civic/io/profile_dir.hpp"
#include "civic/profile.hpp"
#include "civic/text.hpp"

namespace civic {
namespace {

using Json = profile::Json;
namespace fs = std::filesystem;

const fs::path kProfileDir = CIVIC_SOFIA_PROFILE_DIR;
const fs::path kFixturesDir = CIVIC_SOFIA_FIXTURES_DIR;

Json read_json(const fs::path& path) {
  std::ifstream in(path);
  return Json::parse(in);
}

// The profile, assembled and loaded once; null (with the reasons reported) when it fails.
std::shared_ptr<const profile::Profile> sofia() {
  static const std::shared_ptr<const profile::Profile> loaded = [] {
    auto bundle = io::read_profile_dir(kProfileDir);
    if (!bundle) {
      ADD_FAILURE() << bundle.error().code << " at " << bundle.error().path;
      return std::shared_ptr<const profile::Profile>();
    }
    auto result = profile::load(*bundle);
    for (const Error& error : result.errors) {
      ADD_FAILURE() << error.code << " at " << error.path << ": " << error.message.en;
    }
    return result.profile;
  }();
  return loaded;
}

// Each pointer of `set` in turn: replace or add the value; null removes the member or item.
void apply_set(Json& answers, const Json& set) {
  for (const auto& [pointer, value] : set.items()) {
    const Json::json_pointer at(pointer);
    if (!value.is_null()) {
      answers[at] = value;
      continue;
    }
    Json& parent = answers[at.parent_pointer()];
    if (parent.is_array()) {
      parent.erase(static_cast<std::size_t>(std::stoul(at.back())));
    } else {
      parent.erase(at.back());
    }
  }
}

using Found = std::vector<std::pair<std::string, std::string>>;

Found codes_and_paths(const std::vector<Error>& errors) {
  Found found;
  for (const Error& error : errors) found.emplace_back(error.code, error.path);
  return found;
}

Found expected(const Json& expect) {
  Found found;
  for (const Json& error : expect) found.emplace_back(error.at("code"), error.at("path"));
  return found;
}

void expect_computed(const forms::Report& report, const Json& wanted, const std::string& where) {
  for (const auto& [id, value] : wanted.items()) {
    EXPECT_EQ(report.computed.value(id, Json()), value) << where << ": computed " << id;
  }
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kFixturesDir)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".cases.json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SofiaProfile, EveryValidAnswersFileValidatesAndEveryMistakeGivesItsErrors) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  const auto files = case_files();
  ASSERT_GE(files.size(), 5u);
  for (const fs::path& file : files) {
    const Json cases = read_json(file);
    const std::string form_id = cases.at("form");
    const auto form = profile->form(form_id);
    ASSERT_NE(form, nullptr) << file << ": no form " << form_id;
    const auto today = parse_iso_date(cases.at("today").get<std::string>());
    ASSERT_TRUE(today.ok()) << file;
    const forms::Context context = profile->context(*today);
    const Json valid = read_json(kFixturesDir / cases.at("answers").get<std::string>());

    const forms::Report report = forms::validate(*form, valid, context);
    const std::string where = file.filename().string();
    EXPECT_EQ(codes_and_paths(report.errors), Found{}) << where << ": the valid answers";
    expect_computed(report, cases.value("computed", Json::object()), where);

    ASSERT_GE(cases.at("mistakes").size(), 3u) << where;
    for (const Json& mistake : cases.at("mistakes")) {
      Json answers = mistake.contains("answers") ? mistake.at("answers") : valid;
      apply_set(answers, mistake.value("set", Json::object()));
      const forms::Report wrong = forms::validate(*form, answers, context);
      const std::string name = where + ": " + mistake.at("name").get<std::string>();
      EXPECT_EQ(codes_and_paths(wrong.errors), expected(mistake.at("expect"))) << name;
      for (const Error& error : wrong.errors) {
        EXPECT_FALSE(error.message.bg.empty() || error.message.en.empty()) << name;
      }
      expect_computed(wrong, mistake.value("computed", Json::object()), name);
    }
  }
}

// Every answer the address-change fixtures give or a mistake sets, as (pointer, value); the
// members of an address object also one by one.
std::vector<std::pair<std::string, Json>> address_change_answers() {
  std::vector<std::pair<std::string, Json>> found;
  const auto add = [&](const std::string& pointer, const Json& value) {
    found.emplace_back(pointer, value);
    if (!value.is_object()) return;
    for (const auto& [key, part] : value.items()) found.emplace_back(pointer + "/" + key, part);
  };
  for (const fs::path& file : case_files()) {
    const Json cases = read_json(file);
    if (cases.at("form") != "address_change") continue;
    const Json valid = read_json(kFixturesDir / cases.at("answers").get<std::string>());
    for (const auto& [key, value] : valid.items()) add("/" + key, value);
    for (const Json& mistake : cases.at("mistakes")) {
      const Json set = mistake.value("set", Json::object());
      for (const auto& [pointer, value] : set.items()) add(pointer, value);
    }
  }
  return found;
}

// A session reports after each answer what a full validation of its answers reports, whatever
// the order of the answers (hidden fields, removed answers, wrong types and mistakes included).
TEST(SofiaProfile, ASessionReportsWhatAFullValidationReportsAfterEveryAnswer) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  const auto form = profile->form("address_change");
  ASSERT_NE(form, nullptr);
  const auto answers = address_change_answers();
  ASSERT_GE(answers.size(), 50u);
  const forms::Context context = profile->context(Date{2026, 11, 25});
  std::mt19937 random(16);  // fixed: the same sequences on every run
  std::uniform_int_distribution<std::size_t> pick(0, answers.size() - 1);
  for (int sequence = 0; sequence < 40; ++sequence) {
    forms::Context now = context;
    forms::FormSession session(form, now);
    session.set_answers(read_json(kFixturesDir / (sequence % 2 ? "owner.json" : "parent.json")));
    for (int step = 0; step < 25; ++step) {
      if (step == 12 && sequence % 4 == 0) {  // past midnight: every answer is read again
        now.today = sequence % 8 == 0 ? Date{2026, 11, 26} : Date{2012, 6, 1};
        session.set_today(now.today);
      }
      const auto& [pointer, value] = answers[pick(random)];
      const bool remove = pick(random) % 5 == 0;
      if (!session.set_answer(pointer, remove ? Json() : value)) continue;
      const Json full = forms::to_json(*form, forms::validate(*form, session.answers(), now));
      ASSERT_EQ(forms::to_json(*form, session.report()), full)
          << "sequence " << sequence << ", step " << step << ": " << pointer;
      ASSERT_EQ(forms::to_json_text(*form, session.report()), civic::api::dump(full))
          << "sequence " << sequence << ", step " << step << ": " << pointer;
    }
  }
}

// A constant a form computes under an id that facts.json documents as "<form>.<id>" must
// have the documented value, so the facts stay the single place to read them.
TEST(SofiaProfile, FormConstantsAreTheDocumentedFacts) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  const Json& facts = profile->bundle().at("facts");
  const auto form = profile->form("address_change");
  ASSERT_NE(form, nullptr);
  const auto report = forms::validate(*form, read_json(kFixturesDir / "owner.json"),
                                      profile->context(Date{2026, 11, 25}));
  int documented = 0;
  for (const auto& [id, value] : report.computed.items()) {
    const auto fact = facts.find("address_change." + id);
    if (fact == facts.end()) continue;
    ++documented;
    EXPECT_EQ(fact->at("value"), value) << id;
  }
  EXPECT_EQ(documented, 6);

  const auto voter = profile->policy("pb_voter");
  ASSERT_NE(voter, nullptr);
  for (const Json& policy : profile->bundle().at("policies")) {
    if (policy.at("id") != "pb_voter") continue;
    EXPECT_EQ(policy.at("constants").at("min_age"), facts.at("pb.min_voter_age").at("value"));
    EXPECT_EQ(policy.at("constants").at("municipality"),
              facts.at("municipality.ekatte").at("value"));
  }
}

TEST(SofiaProfile, TheApplicantSignsTheAddressChange) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  const auto form = profile->form("address_change");
  ASSERT_NE(form, nullptr);
  const auto spec = forms::signature_spec(*form);
  ASSERT_TRUE(spec.has_value());
  EXPECT_EQ(spec->level, "qualified");
  const auto context = profile->context(Date{2026, 11, 25});
  const auto owner = forms::validate(*form, read_json(kFixturesDir / "owner.json"), context);
  EXPECT_EQ(owner.computed.at(spec->signer), "8809268343");
  const Json foreigner_answers = read_json(kFixturesDir / "foreigner.json");
  const auto foreigner = forms::validate(*form, foreigner_answers, context);
  EXPECT_EQ(foreigner.computed.at(spec->signer), foreigner_answers.at("lnch"));
  EXPECT_FALSE(forms::signature_spec(*profile->form("pb_proposal")).has_value());
}

TEST(SofiaProfile, TheCatalogueOffersEachFormAndTheVoteWithTheDocumentedFee) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  const Json catalogue = profile::catalogue_json(*profile);
  const Json& facts = profile->bundle().at("facts");
  ASSERT_EQ(catalogue["life_events"].size(), 2u);
  const Json& moving = catalogue["life_events"][0];
  ASSERT_EQ(moving["services"].size(), 1u);
  EXPECT_EQ(moving["services"][0]["form"], "address_change");
  EXPECT_EQ(moving["services"][0]["fee"]["min_eur"],
            facts.at("address_change.fee_standard").at("value"));
  EXPECT_EQ(moving["services"][0]["fee"]["max_eur"],
            facts.at("address_change.fee_fast").at("value"));
  const Json& city = catalogue["life_events"][1];
  ASSERT_EQ(city["services"].size(), 1u);
  EXPECT_EQ(city["services"][0]["form"], "pb_proposal");
  EXPECT_TRUE(city.contains("elections"));
}

TEST(SofiaProfile, VoteEligibilityNeedsTheAgeAndAnAddressInSofia) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  const auto policy = profile->policy("pb_voter");
  ASSERT_NE(policy, nullptr);
  const Date today{2026, 11, 25};
  const auto decide = [&](const char* subject) {
    return eligibility::check(*policy, Json::parse(subject), today);
  };
  EXPECT_TRUE(decide(R"({"egn":"0946146421","permanent_address_settlement":"68134"})").eligible);
  EXPECT_TRUE(decide(R"({"lnch":"1004507764","birth_date":"1990-04-12",)"
                     R"("permanent_address_settlement":"10135",)"
                     R"("current_address_settlement":"68134"})")
                  .eligible);
  const auto young = decide(R"({"egn":"1151156427","permanent_address_settlement":"68134"})");
  EXPECT_EQ(codes_and_paths(young.reasons), (Found{{"eligibility.not_met", "/rules/0"}}));
  const auto away = decide(R"({"egn":"8809268343","permanent_address_settlement":"10135"})");
  EXPECT_FALSE(away.eligible);
  EXPECT_EQ(away.reasons.size(), 1u);
}

TEST(SofiaProfile, TheTwentyFourDistrictsAndThePilotRegisters) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  ASSERT_EQ(profile->districts().size(), 24u);
  std::vector<std::string> live;
  for (std::size_t i = 0; i < 24; ++i) {
    const profile::District& district = profile->districts()[i];
    char id[16];
    std::snprintf(id, sizeof id, "68134-%02zu", i + 1);
    EXPECT_EQ(district.id, id);
    if (district.live) live.push_back(district.id);
  }
  EXPECT_EQ(live, (std::vector<std::string>{"68134-01", "68134-07", "68134-16", "68134-17"}));
  for (const Json& district : read_json(kProfileDir / "districts.json")) {
    EXPECT_EQ(district.at("settlements").at(0).at("ekatte"), "68134") << district.at("id");
  }
}

// The first suggestion for `text` as "district kind label" plus what it fills in.
std::string first_suggestion(const profile::Profile& p, const std::string& text) {
  address::SuggestQuery query;
  query.text = text;
  const auto found = address::suggest(query, p.address_register());
  if (found.empty()) return "nothing";
  const address::Suggestion& s = found.front();
  return s.district->id +
         (s.street ? " street " + s.street->type + " " + s.street->name
                   : " block " + s.block->complex + " " + s.block->number) +
         " " + address::to_json(s.address).dump();
}

TEST(SofiaProfile, AddressesAreFoundAsPeopleTypeThem) {
  const auto p = sofia();
  ASSERT_NE(p, nullptr);
  const std::string vitosha_12 =
      R"(68134-01 street бул. Витоша {"district":"68134-01","settlement":"68134",)"
      R"("street_type":"бул.","street":"Витоша","number":"12","postal_code":"1000"})";
  EXPECT_EQ(first_suggestion(*p, "Витоша 12"), vitosha_12);
  EXPECT_EQ(first_suggestion(*p, "Vitosha 12"), vitosha_12);
  EXPECT_EQ(first_suggestion(*p, "Акад. Борис Стефанов 5"),
            R"(68134-16 street ул. Акад. Борис Стефанов {"district":"68134-16","settlement":)"
            R"("68134","street_type":"ул.","street":"Акад. Борис Стефанов","number":"5",)"
            R"("postal_code":"1700"})");
  EXPECT_EQ(first_suggestion(*p, "geo milev 12"),
            R"(68134-07 block Гео Милев 12 {"district":"68134-07","settlement":"68134",)"
            R"("complex":"Гео Милев","block":"12","postal_code":"1111"})");
  EXPECT_EQ(first_suggestion(*p, "Slatina 5"),
            R"(68134-07 block Слатина 5 {"district":"68134-07","settlement":"68134",)"
            R"("complex":"Слатина","block":"5","postal_code":"1574"})");
  EXPECT_TRUE(first_suggestion(*p, "Vitosa").starts_with("68134-01 street бул. Витоша {"));
  EXPECT_TRUE(first_suggestion(*p, "ж.к. Яворов").starts_with("68134-01 block Яворов 1 {"));
}

// Every suggestion for `texts` with each district preferred in turn, one line each.
std::string suggestions(const address::Register& reg, const std::vector<std::string>& texts) {
  std::string out;
  for (const address::DistrictRegister& district : reg.districts) {
    for (const std::string& text : texts) {
      address::SuggestQuery query;
      query.text = text;
      query.district = district.id;
      for (const address::Suggestion& s : address::suggest(query, reg)) {
        out += district.id + " " + text + ": " + s.district->id + " " +
               address::to_json(s.address).dump() + "\n";
      }
    }
  }
  return out;
}

// The register's search keys are folded per district on first use, not at load: they are the
// names folded, as load folded them before, for every street and block of every district, and
// threads searching a freshly loaded profile at once find what one thread finds.
TEST(SofiaProfile, EachDistrictFoldsItsSearchKeysOnFirstUseOnceForEveryThread) {
  const auto p = sofia();
  ASSERT_NE(p, nullptr);
  const address::Register& reg = p->address_register();
  ASSERT_EQ(reg.districts.size(), 4u);
  for (const address::DistrictRegister& district : reg.districts) {
    const address::SearchKeys& keys = district.keys();
    ASSERT_EQ(keys.streets.size(), district.streets.size());
    ASSERT_EQ(keys.blocks.size(), district.blocks.size());
    for (size_t i = 0; i < district.streets.size(); ++i) {
      const address::Street& street = district.streets[i];
      ASSERT_EQ(keys.streets[i].key, fold_for_search(street.type + " " + street.name));
      ASSERT_EQ(keys.streets[i].name, fold_for_search(street.name));
    }
    for (size_t i = 0; i < district.blocks.size(); ++i) {
      const address::Block& block = district.blocks[i];
      ASSERT_EQ(keys.blocks[i].complex, fold_for_search(block.complex));
      ASSERT_EQ(keys.blocks[i].complex_block,
                fold_for_search(block.complex + " бл. " + block.number));
    }
  }
  const std::vector<std::string> texts = {
      "Витоша 12",    "vitosa",    "драга", "ж.к. Младост 1 бл. 12",
      "geo milev 12", "Slatina 5", "бл. 2", "Борис Стефанов"};
  const std::string expected = suggestions(reg, texts);
  EXPECT_GT(std::count(expected.begin(), expected.end(), '\n'), 100);

  const auto fresh = profile::load(p->bundle()).profile;
  ASSERT_NE(fresh, nullptr);
  std::vector<std::string> found(4);
  std::vector<std::thread> threads;
  for (std::string& out : found) {
    threads.emplace_back([&] { out = suggestions(fresh->address_register(), texts); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& out : found) EXPECT_EQ(out, expected);
}

TEST(SofiaProfile, EverySettlementAndEveryDistrictIsAnswered) {
  const auto p = sofia();
  ASSERT_NE(p, nullptr);
  std::vector<std::string> settlements;
  for (const profile::District& district : p->districts()) {
    for (const address::Settlement& s : district.settlements) settlements.push_back(s.ekatte);
  }
  std::sort(settlements.begin(), settlements.end());
  settlements.erase(std::unique(settlements.begin(), settlements.end()), settlements.end());
  EXPECT_EQ(settlements.size(), 38u);  // shared/reference/data/sofia-settlements.csv
  const auto check = p->context(Date{2026, 11, 25}).address_check;
  for (const profile::District& district : p->districts()) {
    if (district.live) continue;
    const auto errors = check(Json{{"district", district.id}, {"block", "12"}});
    ASSERT_EQ(errors.size(), 1u) << district.id;
    EXPECT_EQ(errors[0].code, "profile.district_not_live") << district.id;
  }
  const auto mladost = p->places("Младост 1 бл. 12", 5);
  ASSERT_FALSE(mladost.empty());
  EXPECT_EQ(mladost[0].district->id, "68134-15");
  const auto errors = check(address::to_json(mladost[0].address));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "profile.district_not_live");
  EXPECT_EQ(p->places("Дианабад 12", 5).at(0).district->id, "68134-08");
  EXPECT_EQ(p->places("Бусманци", 5).at(0).district->id, "68134-14");
}

TEST(SofiaProfile, TheBoundaryHoldsTheCityAndNotItsNeighbours) {
  const auto profile = sofia();
  ASSERT_NE(profile, nullptr);
  EXPECT_TRUE(geo::inside({23.32167, 42.697839}, profile->boundary()));  // Sofia, centre
  EXPECT_TRUE(geo::inside({23.2347, 42.6522}, profile->boundary()));     // Владая
  EXPECT_FALSE(geo::inside({23.0378, 42.6054}, profile->boundary()));    // Перник
  EXPECT_FALSE(geo::inside({24.7453, 42.1354}, profile->boundary()));    // Пловдив
}

}  // namespace
}  // namespace civic

namespace civic {
namespace {

// Every register answer `p` gives, one line each: each address of the registers (every
// street number and block entrance, with and without its district, a wrong number and a wrong
// entrance) checked by the forms' address check and by district_of, in the register's order.
std::string register_answers(const profile::Profile& p, const address::Register& reg) {
  const auto check = p.context(Date{2026, 11, 25}).address_check;
  const auto& district_of = *p.functions().find("district_of");
  std::string out;
  const auto answer = [&](Json address) {
    std::string line = address.dump() + ":";
    for (const Error& error : check(address))
      line.append(" ").append(error.code).append(error.path);
    for (const bool named : {true, false}) {
      if (!named) address.erase("district");
      const expr::Value arg = expr::Value::object(address);
      const expr::Value district = district_of.call(std::span(&arg, 1), expr::Env{});
      line.append(" ").append(district.to_json().dump());
    }
    out += line + "\n";
  };
  for (const address::DistrictRegister& district : reg.districts) {
    for (const address::Street& street : district.streets) {
      for (const std::string& number : street.numbers) {
        answer({{"district", district.id}, {"street", street.name}, {"number", number}});
      }
      answer({{"district", district.id}, {"street", street.name}, {"number", "9999"}});
    }
    for (const address::Block& block : district.blocks) {
      for (const std::string& entrance : block.entrances) {
        answer({{"district", district.id},
                {"complex", block.complex},
                {"block", block.number},
                {"entrance", entrance}});
      }
      answer({{"district", district.id}, {"block", block.number}, {"entrance", "Я"}});
    }
  }
  return out;
}

// Every fixture's answers and mistakes validated, one report per line.
std::string fixture_reports(const profile::Profile& p) {
  std::string out;
  for (const fs::path& file : case_files()) {
    const Json cases = read_json(file);
    const auto form = p.form(cases.at("form").get<std::string>());
    const auto today = parse_iso_date(cases.at("today").get<std::string>());
    const forms::Context context = p.context(*today);
    const Json valid = read_json(kFixturesDir / cases.at("answers").get<std::string>());
    out += forms::to_json(*form, forms::validate(*form, valid, context)).dump() + "\n";
    for (const Json& mistake : cases.at("mistakes")) {
      Json answers = mistake.contains("answers") ? mistake.at("answers") : valid;
      apply_set(answers, mistake.value("set", Json::object()));
      out += forms::to_json(*form, forms::validate(*form, answers, context)).dump() + "\n";
    }
  }
  return out;
}

std::shared_ptr<const profile::Profile> sofia_from_text() {
  auto loaded = profile::load_text(sofia()->bundle().dump());
  if (!loaded || !loaded->errors.empty()) return nullptr;
  return loaded->profile;
}

// load_text reads each register on first use: every answer is load()'s, whatever is asked
// first (a validation reads one district, a suggestion all of them), and the bundle is the same.
TEST(SofiaProfile, AProfileLoadedFromTextAnswersAsOneLoadedAtOnce) {
  const auto eager = sofia();
  ASSERT_NE(eager, nullptr);
  const std::string reports = fixture_reports(*eager);
  const std::string answers = register_answers(*eager, eager->address_register());
  EXPECT_GT(std::count(answers.begin(), answers.end(), '\n'), 3000);
  const std::vector<std::string> texts = {
      "Витоша 12",    "vitosa",    "драга", "ж.к. Младост 1 бл. 12",
      "geo milev 12", "Slatina 5", "бл. 2", "Борис Стефанов"};
  const std::string found = suggestions(eager->address_register(), texts);

  const auto validated_first = sofia_from_text();
  ASSERT_NE(validated_first, nullptr);
  EXPECT_EQ(profile::catalogue_json(*validated_first), profile::catalogue_json(*eager));
  EXPECT_EQ(fixture_reports(*validated_first), reports);
  EXPECT_EQ(register_answers(*validated_first, eager->address_register()), answers);
  EXPECT_EQ(suggestions(validated_first->address_register(), texts), found);

  const auto searched_first = sofia_from_text();
  ASSERT_NE(searched_first, nullptr);
  EXPECT_EQ(suggestions(searched_first->address_register(), texts), found);
  EXPECT_EQ(fixture_reports(*searched_first), reports);

  const auto bundle_first = sofia_from_text();
  ASSERT_NE(bundle_first, nullptr);
  EXPECT_EQ(bundle_first->bundle().dump(), eager->bundle().dump());
  EXPECT_EQ(profile::catalogue_json(*bundle_first), profile::catalogue_json(*eager));
  EXPECT_EQ(register_answers(*bundle_first, bundle_first->address_register()), answers);
}

// Threads validating and searching a profile fresh from text at once read each register once
// and all get the answers of one thread.
TEST(SofiaProfile, ThreadsReadARegisterSetAsideOnceAndAgree) {
  const auto eager = sofia();
  ASSERT_NE(eager, nullptr);
  const std::string reports = fixture_reports(*eager);
  const std::vector<std::string> texts = {"Витоша 12", "ж.к. Младост 1 бл. 12", "бл. 2"};
  const std::string found = suggestions(eager->address_register(), texts);
  const auto fresh = sofia_from_text();
  ASSERT_NE(fresh, nullptr);
  std::vector<std::string> out(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < out.size(); ++i) {
    threads.emplace_back([&, i] {
      out[i] = i % 2 ? fixture_reports(*fresh) : suggestions(fresh->address_register(), texts);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], i % 2 ? reports : found);
}

}  // namespace
}  // namespace civic
