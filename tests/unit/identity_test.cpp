#include "civic/identity.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixtures.hpp"

namespace civic {
namespace {

using test::kToday;

std::string egn_code(const char* egn) {
  auto result = check_egn(egn, kToday);
  return result.ok() ? "ok" : result.error().code;
}

// Valid numbers published with python-stdnum, petarov/bulgarian-control-numbers and
// validator.js (see ../shared/reference/sofia-domain.md).
TEST(Egn, AcceptsPublishedValidNumbers) {
  for (const char* egn : {"0010100100", "7501020018", "7523169263", "8001010008", "8032056031",
                          "0550290476", "0844298231", "6101057509", "8809268343", "9708265965",
                          "7501010010", "0101010012", "0111010010", "7521010014"}) {
    EXPECT_EQ(egn_code(egn), "ok") << egn;
  }
}

TEST(Egn, DecodesBirthDateAndSex) {
  struct Case {
    const char* egn;
    Date birth;
    Sex sex;
  };
  for (const Case& c :
       {Case{"0550290476", {2005, 10, 29}, Sex::female},
        Case{"0844298231", {2008, 4, 29}, Sex::female}, Case{"6101057509", {1961, 1, 5}, Sex::male},
        Case{"8809268343", {1988, 9, 26}, Sex::male}, Case{"7521010014", {1875, 1, 1}, Sex::female},
        Case{"8032056031", {1880, 12, 5}, Sex::female}}) {
    auto info = check_egn(c.egn, kToday);
    ASSERT_TRUE(info.ok()) << c.egn;
    EXPECT_EQ(info->birth_date, c.birth) << c.egn;
    EXPECT_EQ(info->sex, c.sex) << c.egn;
  }
}

TEST(Egn, NamesEachFailure) {
  EXPECT_EQ(egn_code("750101001"), "egn.length");
  EXPECT_EQ(egn_code("75010100101"), "egn.length");
  EXPECT_EQ(egn_code(""), "egn.length");
  EXPECT_EQ(egn_code("75-01010/01 0"), "egn.length");
  EXPECT_EQ(egn_code("7552A10004"), "egn.non_digit");
  EXPECT_EQ(egn_code(" 501020018"), "egn.non_digit");
  EXPECT_EQ(egn_code("8019010008"), "egn.bad_date");
  EXPECT_EQ(egn_code("7521320010"), "egn.bad_date");
  EXPECT_EQ(egn_code("0142290000"), "egn.bad_date");  // 29 February 2001
  EXPECT_EQ(egn_code("7542011030"), "egn.future_date");
  EXPECT_EQ(egn_code("7552010005"), "egn.future_date");
  EXPECT_EQ(egn_code("7501010019"), "egn.checksum");
  EXPECT_EQ(egn_code("9929291278"), "egn.checksum");
}

TEST(Egn, FutureIsMeasuredAgainstTheGivenDay) {
  // 2026-11-25 (month 51 = November of the 2000s).
  EXPECT_NE(egn_code("2651250000"), "egn.future_date");
  auto tomorrow = check_egn("2651260000", kToday);
  ASSERT_FALSE(tomorrow.ok());
  EXPECT_EQ(tomorrow.error().code, "egn.future_date");
  EXPECT_EQ(tomorrow.error().params["birth_date"], "2026-11-26");
}

TEST(Egn, MessagesAreBilingualAndNeverSayInvalid) {
  auto result = check_egn("7501010019", kToday);
  ASSERT_FALSE(result.ok());
  EXPECT_FALSE(result.error().message.bg.empty());
  EXPECT_FALSE(result.error().message.en.empty());
  EXPECT_EQ(result.error().message.en.find("invalid"), std::string::npos);
}

TEST(Egn, ShapeErrorsCarryParams) {
  auto length = check_egn("123", kToday);
  EXPECT_EQ(length.error().params["expected_length"], 10);
  EXPECT_EQ(length.error().params["actual_length"], 3);
  auto digit = check_egn("12345x7890", kToday);
  EXPECT_EQ(digit.error().params["position"], 6);
}

TEST(Lnch, ChecksWeightsModTen) {
  for (const char* lnch : {"7111042925", "1004507764", "1004495667"}) {
    EXPECT_TRUE(check_lnch(lnch).ok()) << lnch;
  }
  for (const char* lnch : {"7111042922", "1001122334", "7007712777"}) {
    auto result = check_lnch(lnch);
    ASSERT_FALSE(result.ok()) << lnch;
    EXPECT_EQ(result.error().code, "lnch.checksum") << lnch;
  }
  EXPECT_EQ(check_lnch("71110A2922").error().code, "lnch.non_digit");
  EXPECT_EQ(check_lnch("711104292").error().code, "lnch.length");
}

TEST(Eik, ChecksNineDigitNumbersWithFallbackWeights) {
  for (const char* eik :
       {"175074752", "103873594", "131272009", "000565359", "104453698", "121817309", "121887948",
        "175015558", "175223064", "176040023", "202322728", "202342638", "203445228", "831919536",
        "835014925", "131071587", "130007884", "130408101"}) {
    auto result = check_eik(eik);
    ASSERT_TRUE(result.ok()) << eik;
    EXPECT_EQ(*result, EikForm::entity);
  }
  EXPECT_EQ(check_eik("175074751").error().code, "eik.checksum");
}

TEST(Eik, ChecksThirteenDigitBranches) {
  for (const char* eik : {"0009039460577", "0000568780291"}) {
    auto result = check_eik(eik);
    ASSERT_TRUE(result.ok()) << eik;
    EXPECT_EQ(*result, EikForm::branch);
  }
  EXPECT_EQ(check_eik("0009039460578").error().code, "eik.checksum");
  EXPECT_EQ(check_eik("0009039470577").error().code, "eik.checksum");  // bad 9-digit prefix
  EXPECT_EQ(check_eik("BG131129282").error().code, "eik.length");
  EXPECT_EQ(check_eik("13112928X").error().code, "eik.non_digit");
}

TEST(IdCheck, InfersTheKind) {
  EXPECT_EQ(check_id("175074752", std::nullopt, kToday).kind, IdKind::eik);
  EXPECT_EQ(check_id("0009039460577", std::nullopt, kToday).kind, IdKind::eik);
  auto egn = check_id("7501020018", std::nullopt, kToday);
  EXPECT_EQ(egn.kind, IdKind::egn);
  EXPECT_TRUE(egn.valid());
  ASSERT_TRUE(egn.egn_info.has_value());
  auto lnch = check_id("7111042925", std::nullopt, kToday);
  EXPECT_EQ(lnch.kind, IdKind::lnch);
  EXPECT_TRUE(lnch.valid());
  auto neither = check_id("7111042922", std::nullopt, kToday);
  EXPECT_EQ(neither.kind, IdKind::egn);
  EXPECT_FALSE(neither.valid());
  EXPECT_EQ(check_id("12345678X", std::nullopt, kToday).kind, IdKind::egn);
}

// check_id without a kind answers what checking as each kind says: the EGN's check when it is
// valid or the LNCh's is not, else the LNCh's (which check_id decides without building the
// LNCh's reasons).
TEST(IdCheck, InfersTheKindAsCheckingEachKindSays) {
  std::vector<std::string> numbers = {"",           "7111042925",  "71110429X",   "71110429250",
                                      "711104292X", "7111042925 ", "７111042925", "7501020018",
                                      "7513020018"};
  for (long long value = 0; value < 10'000'000'000LL; value += 999'983) {
    const std::string digits = std::to_string(value);
    numbers.push_back(std::string(10 - digits.size(), '0') + digits);
  }
  int lnchs = 0;
  for (const std::string& number : numbers) {
    const IdCheck egn = check_id(number, IdKind::egn, kToday);
    const IdCheck lnch = check_id(number, IdKind::lnch, kToday);
    const IdCheck& expected = egn.valid() || !lnch.valid() ? egn : lnch;
    const IdCheck inferred = check_id(number, std::nullopt, kToday);
    EXPECT_EQ(inferred.kind, expected.kind) << number;
    EXPECT_EQ(inferred.error.has_value(), expected.error.has_value()) << number;
    if (inferred.error && expected.error) {
      EXPECT_EQ(inferred.error->code, expected.error->code) << number;
      EXPECT_EQ(inferred.error->message.en, expected.error->message.en) << number;
    }
    EXPECT_EQ(inferred.egn_info.has_value(), expected.egn_info.has_value()) << number;
    lnchs += inferred.kind == IdKind::lnch ? 1 : 0;
  }
  EXPECT_GT(lnchs, 500);  // the loop's numbers include valid LNChs, not only invalid ones
}

TEST(IdCheck, HonoursAForcedKind) {
  auto forced = check_id("7501020018", IdKind::lnch, kToday);
  EXPECT_EQ(forced.kind, IdKind::lnch);
  EXPECT_EQ(forced.error->code, "lnch.checksum");
  EXPECT_EQ(check_id("175074752", IdKind::egn, kToday).error->code, "egn.length");
  EXPECT_EQ(parse_id_kind("EGN").error().code, "id.kind_unknown");
}

}  // namespace
}  // namespace civic
