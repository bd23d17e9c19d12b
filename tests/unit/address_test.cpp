#include "civic/address.hpp"

#include <gtest/gtest.h>

#include "civic/text.hpp"

namespace civic {
namespace {

using address::Json;

// A small register of two districts (streets and blocks are real names; numbers illustrative).
address::Register sample_register() {
  const Json json = Json::parse(R"([
    {"district": "68134-16", "name": {"bg": "Студентски", "en": "Studentski"},
     "settlements": [{"ekatte": "68134", "name": "София", "postal_codes": ["1700", "1734"]}],
     "streets": [
       {"settlement": "68134", "type": "ул.", "name": "Акад. Борис Стефанов",
        "numbers": ["1", "3", "5А"], "postal_codes": ["1700"]},
       {"settlement": "68134", "type": "бул.", "name": "Климент Охридски",
        "numbers": ["8", "10"], "postal_codes": ["1756"]},
       {"settlement": "68134", "type": "ул.", "name": "Витошки рид", "numbers": [],
        "postal_codes": []}],
     "blocks": [
       {"settlement": "68134", "complex": "Студентски град", "number": "8",
        "entrances": ["А", "Б"], "postal_codes": ["1734"]},
       {"settlement": "68134", "complex": "Дианабад", "number": "12", "entrances": [],
        "postal_codes": ["1172"]}]},
    {"district": "68134-01", "name": {"bg": "Средец", "en": "Sredets"},
     "settlements": [{"ekatte": "68134", "name": "София", "postal_codes": ["1000"]}],
     "streets": [
       {"settlement": "68134", "type": "бул.", "name": "Витоша", "numbers": ["1", "2"],
        "postal_codes": ["1000"]}],
     "blocks": []}
  ])");
  auto reg = address::load_register(json);
  EXPECT_TRUE(reg.ok());
  return *reg;
}

address::Address make(std::initializer_list<std::pair<const char*, const char*>> parts) {
  Json json = Json::object();
  for (const auto& [name, value] : parts) json[name] = value;
  return *address::address_from_json(json);
}

std::vector<std::string> codes_of(const address::Address& a) {
  std::vector<std::string> codes;
  for (const Error& error : address::validate(a, sample_register())) {
    codes.push_back(error.code + " " + error.path);
  }
  return codes;
}

using Codes = std::vector<std::string>;

TEST(Address, AcceptsStreetAndBlockAddresses) {
  address::Address street = make({{"district", "68134-16"},
                                  {"settlement", "68134"},
                                  {"street", "акад. борис стефанов"},
                                  {"number", "5а"},
                                  {"floor", "3"},
                                  {"apartment", "9"},
                                  {"postal_code", "1700"}});
  EXPECT_EQ(codes_of(street), Codes{});
  address::Address latin =
      make({{"district", "68134-16"}, {"street", "Akad. Boris Stefanov"}, {"number", "1"}});
  EXPECT_EQ(codes_of(latin), Codes{});
  address::Address block =
      make({{"district", "68134-16"}, {"complex", "Studentski grad"}, {"block", "8"}});
  block.entrance = "б";
  block.postal_code = "1734";
  EXPECT_EQ(codes_of(block), Codes{});
  address::Address any_number =
      make({{"district", "68134-16"}, {"street", "Витошки рид"}, {"number", "77"}});
  EXPECT_EQ(codes_of(any_number), Codes{});
}

TEST(Address, EveryErrorCode) {
  EXPECT_EQ(codes_of(make({{"district", "68134-99"}, {"street", "Витоша"}, {"number", "1"}})),
            Codes{"address.district_unknown /district"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"settlement", "02659"}, {"block", "8"}})),
            (Codes{"address.settlement_unknown /settlement", "address.block_unknown /block"}));
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}})), Codes{"address.street_or_block_required "});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"street", "Акад. Борис Стефанов"}})),
            Codes{"address.number_required /number"});
  EXPECT_EQ(codes_of(make(
                {{"district", "68134-16"}, {"street", "Акад. Борис Стефанов"}, {"number", "5-7"}})),
            Codes{"address.number_format /number"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"street", "Витоша"}, {"number", "1"}})),
            Codes{"address.street_unknown /street"});
  EXPECT_EQ(codes_of(make(
                {{"district", "68134-16"}, {"street", "Акад. Борис Стефанов"}, {"number", "2"}})),
            Codes{"address.number_unknown /number"});
  EXPECT_EQ(
      codes_of(make({{"district", "68134-16"}, {"complex", "Студентски град"}, {"block", "9"}})),
      Codes{"address.block_unknown /block"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"block", "8"}, {"entrance", "АБ"}})),
            Codes{"address.entrance_format /entrance"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"block", "8"}, {"entrance", "В"}})),
            Codes{"address.entrance_unknown /entrance"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"block", "8"}, {"floor", "партер"}})),
            Codes{"address.floor_format /floor"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"block", "8"}, {"apartment", "0"}})),
            Codes{"address.apartment_format /apartment"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"block", "8"}, {"postal_code", "17000"}})),
            Codes{"address.postal_code_format /postal_code"});
  EXPECT_EQ(codes_of(make({{"district", "68134-16"}, {"block", "8"}, {"postal_code", "1700"}})),
            Codes{"address.postal_code_mismatch /postal_code"});
}

TEST(Address, ReportsEveryProblemAtOnce) {
  EXPECT_EQ(codes_of(make({{"district", "68134-16"},
                           {"street", "Липсваща"},
                           {"number", "1"},
                           {"floor", "100"},
                           {"postal_code", "abc"}})),
            (Codes{"address.street_unknown /street", "address.floor_format /floor",
                   "address.postal_code_format /postal_code"}));
}

TEST(Address, Formats) {
  EXPECT_EQ(address::normalise_number(" 5 а"), "5А");
  EXPECT_EQ(address::normalise_number("12b"), "12Б");
  EXPECT_TRUE(address::is_building_number("1234"));
  EXPECT_FALSE(address::is_building_number("01"));
  EXPECT_FALSE(address::is_building_number("12345"));
  EXPECT_TRUE(address::is_entrance("Б"));
  EXPECT_TRUE(address::is_entrance("12"));
  EXPECT_FALSE(address::is_entrance("123"));
  EXPECT_TRUE(address::is_floor("-2"));
  EXPECT_TRUE(address::is_floor("0"));
  EXPECT_FALSE(address::is_floor("-6"));
  EXPECT_FALSE(address::is_floor("+1"));
  EXPECT_TRUE(address::is_postal_code("1000"));
  EXPECT_FALSE(address::is_postal_code("100"));
}

std::vector<std::string> labels(const std::string& text, const std::string& district = "",
                                size_t limit = 10) {
  static const address::Register reg = sample_register();
  std::vector<std::string> out;
  address::SuggestQuery query;
  query.text = text;
  query.district = district;
  query.limit = limit;
  for (const auto& s : address::suggest(query, reg)) {
    out.push_back(s.district->id + " " +
                  (s.street ? s.street->name : s.block->complex + " " + s.block->number));
  }
  return out;
}

TEST(SearchKeys, AreTheFoldedNamesInRegisterOrder) {
  const address::Register reg = sample_register();
  for (const address::DistrictRegister& district : reg.districts) {
    const address::SearchKeys& keys = district.keys();
    ASSERT_EQ(keys.streets.size(), district.streets.size());
    for (size_t i = 0; i < district.streets.size(); ++i) {
      const address::Street& street = district.streets[i];
      EXPECT_EQ(keys.streets[i].key, fold_for_search(street.type + " " + street.name));
      EXPECT_EQ(keys.streets[i].name, fold_for_search(street.name));
    }
    ASSERT_EQ(keys.blocks.size(), district.blocks.size());
    for (size_t i = 0; i < district.blocks.size(); ++i) {
      const address::Block& block = district.blocks[i];
      EXPECT_EQ(keys.blocks[i].complex, fold_for_search(block.complex));
      EXPECT_EQ(keys.blocks[i].complex_block,
                fold_for_search(block.complex + " бл. " + block.number));
    }
    EXPECT_EQ(&district.keys(), &keys);  // folded once
  }
}

TEST(SearchKeys, ACopyFoldsItsOwnOnFirstUse) {
  const address::Register original = sample_register();
  ASSERT_EQ(original.districts[0].keys().streets[0].name, "akad boris stefanov");
  address::Register copy = original;
  copy.districts[0].streets[0].name = "Васил Левски";
  EXPECT_EQ(copy.districts[0].keys().streets[0].name, "vasil levski");
  EXPECT_EQ(original.districts[0].keys().streets[0].name, "akad boris stefanov");
  address::Register moved = std::move(copy);
  EXPECT_EQ(moved.districts[0].keys().streets[0].name, "vasil levski");
}

TEST(Suggest, ScriptAndCaseInsensitive) {
  EXPECT_EQ(labels("vitosha"), Codes{"68134-01 Витоша"});
  EXPECT_EQ(labels("ВИТОША"), labels("vitosha"));
  EXPECT_EQ(labels("бул. вит"), Codes{"68134-01 Витоша"});
  EXPECT_EQ(labels(""), Codes{});
}

TEST(Suggest, RanksDistrictThenPrefixThenWordThenInfix) {
  EXPECT_EQ(labels("vitosh", "68134-16"), (Codes{"68134-16 Витошки рид", "68134-01 Витоша"}));
  EXPECT_EQ(labels("ste"), (Codes{"68134-16 Акад. Борис Стефанов"}));
  EXPECT_EQ(labels("ski"), (Codes{"68134-16 Климент Охридски", "68134-16 Студентски град 8"}));
  EXPECT_EQ(labels("бл. 8"), Codes{"68134-16 Студентски град 8"});
  EXPECT_EQ(labels("dianabad bl. 12"), Codes{"68134-16 Дианабад 12"});
  EXPECT_EQ(labels("a", "", 2).size(), 2u);
}

TEST(Suggest, ReadsWhatIsTypedIntoParts) {
  const address::TypedAddress street = address::read_typed("Витоша 12");
  EXPECT_EQ(street.name, "vitosha");
  EXPECT_EQ(street.number, "12");
  const address::TypedAddress parts = address::read_typed("ж.к. Яворов ап. 9 вх. б ет. 3 бл.12а");
  EXPECT_EQ(parts.prefix, "zhk");
  EXPECT_EQ(parts.name, "yavorov");
  EXPECT_EQ(parts.block, "12А");
  EXPECT_EQ(parts.entrance, "Б");
  EXPECT_EQ(parts.floor, "3");
  EXPECT_EQ(parts.apartment, "9");
  EXPECT_TRUE(parts.blocks_only);
  EXPECT_EQ(address::read_typed("жк Яворов").prefix, "zhk");
  EXPECT_EQ(address::read_typed("кв. Яворов").name, "yavorov");
  EXPECT_EQ(address::read_typed("ул.").name, "ul");  // a prefix alone is the name typed so far
  EXPECT_EQ(address::read_typed("Витоша 12 в").name, "vitosha");  // "вх." being typed
  EXPECT_TRUE(address::read_typed("бл").blocks_only);
}

TEST(Suggest, AStreetOrComplexFollowedByANumber) {
  EXPECT_EQ(labels("Витоша 1"), Codes{"68134-01 Витоша"});
  EXPECT_EQ(labels("Акад. Борис Стефанов 5"), Codes{"68134-16 Акад. Борис Стефанов"});
  EXPECT_EQ(labels("Дианабад 12"), Codes{"68134-16 Дианабад 12"});
  EXPECT_EQ(labels("Дианабад 7"), Codes{});  // no block 7 there
  EXPECT_EQ(labels("12"), Codes{});          // a number is no name
}

TEST(Suggest, FillsWhatWasTyped) {
  address::SuggestQuery query;
  query.text = "Студентски град бл. 8 вх. б ап. 9";
  const auto found = address::suggest(query, sample_register());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(address::to_json(found[0].address), (Json{{"district", "68134-16"},
                                                      {"settlement", "68134"},
                                                      {"complex", "Студентски град"},
                                                      {"block", "8"},
                                                      {"entrance", "Б"},
                                                      {"apartment", "9"},
                                                      {"postal_code", "1734"}}));
  query.text = "vitosha 2";
  EXPECT_EQ(address::to_json(address::suggest(query, sample_register())[0].address),
            (Json{{"district", "68134-01"},
                  {"settlement", "68134"},
                  {"street_type", "бул."},
                  {"street", "Витоша"},
                  {"number", "2"},
                  {"postal_code", "1000"}}));
}

TEST(Suggest, StreetAndComplexWordsChooseTheKind) {
  EXPECT_EQ(labels("ж.к. Студентски"), Codes{"68134-16 Студентски град 8"});
  EXPECT_EQ(labels("ул. Климент"), Codes{"68134-16 Климент Охридски"});  // inside "бул."
  EXPECT_EQ(labels("бул. Климент"), Codes{"68134-16 Климент Охридски"});
}

TEST(Suggest, OneTypoWhenNothingMatchesAsTyped) {
  EXPECT_EQ(labels("Vitosa"), (Codes{"68134-01 Витоша", "68134-16 Витошки рид"}));
  EXPECT_EQ(labels("Vitoša"), Codes{"68134-01 Витоша"});
  EXPECT_EQ(labels("Dinaabad"), Codes{"68134-16 Дианабад 12"});  // two letters swapped
  EXPECT_EQ(labels("Vitoshk"), Codes{"68134-16 Витошки рид"});   // no guessing then
  EXPECT_EQ(labels("Vxx"), Codes{});                             // too short to guess
}

TEST(Suggest, BlocksInNumberOrder) {
  Json blocks = Json::array();
  for (const char* number : {"10", "2", "12А", "1", "12"}) {
    blocks.push_back({{"settlement", "68134"}, {"complex", "Яворов"}, {"number", number}});
  }
  const auto reg = address::load_register(
      Json{{"district", "68134-01"}, {"streets", Json::array()}, {"blocks", blocks}});
  ASSERT_TRUE(reg.ok());
  address::SuggestQuery query;
  query.text = "ж.к. Яворов";
  std::vector<std::string> numbers;
  for (const auto& s : address::suggest(query, *reg)) numbers.push_back(s.block->number);
  EXPECT_EQ(numbers, (Codes{"1", "2", "10", "12", "12А"}));
  query.text = "Яворов 1";  // block 1 itself first, then those starting with 1
  numbers.clear();
  for (const auto& s : address::suggest(query, *reg)) numbers.push_back(s.block->number);
  EXPECT_EQ(numbers, (Codes{"1", "10", "12", "12А"}));
}

TEST(Register, RefusesABadRegister) {
  auto bad = address::load_register(Json::parse(R"({"district": "68134-16", "streets": [{}]})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "register.bad_json");
  EXPECT_EQ(bad.error().path, "/streets/0/name");
}

}  // namespace
}  // namespace civic
