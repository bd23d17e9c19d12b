// The pure pieces of civic-server's elections: lifecycle steps, CONSUL's funding rule with
// its tie rule, the eligibility register's CSV, the board's tar and the location check.
#include <gtest/gtest.h>

#include "elections/counting.hpp"
#include "elections/eligible_csv.hpp"
#include "elections/lifecycle.hpp"
#include "elections/location.hpp"
#include "elections/tar_writer.hpp"

namespace {

using namespace civic::server::elections;

TEST(Lifecycle, OneStepAtATime) {
  EXPECT_EQ(check_transition("draft", "ceremony"), std::nullopt);
  EXPECT_EQ(check_transition("tallied", "published"), std::nullopt);
  for (const auto& [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"draft", "open"},
                                                        {"open", "draft"},
                                                        {"published", "draft"},
                                                        {"closed", "closed"},
                                                        {"draft", "nonsense"},
                                                        {"nonsense", "draft"}}) {
    const auto refused = check_transition(from, to);
    ASSERT_TRUE(refused) << from << " → " << to;
    EXPECT_EQ(refused->code, "vote.election.transition");
    EXPECT_FALSE(refused->message.bg.empty());
  }
  EXPECT_EQ(next_state("published"), std::nullopt);
}

Count option(const char* id, std::uint64_t cost, std::uint64_t votes) {
  return Count{"city", id, {id, id}, cost, votes};
}

TEST(Funding, VoteOrderWhileTheBudgetLastsSkippingWhatDoesNotFit) {
  const auto funding = fund({option("a", 60, 10), option("b", 50, 30), option("c", 30, 20),
                             option("d", 10, 5), option("e", 5, 0)},
                            100);
  // b (50) and c (30) fit; a (60) does not fit the 20 left; d (10) still does; e has no vote.
  EXPECT_EQ(funding.funded, (std::vector<std::string>{"b", "c", "d"}));
  EXPECT_EQ(funding.spent, 90u);
}

TEST(Funding, TiesGoToTheCheaperThenToManifestOrder) {
  const auto cheaper = fund({option("a", 80, 10), option("b", 40, 10), option("c", 40, 10)}, 80);
  EXPECT_EQ(cheaper.funded, (std::vector<std::string>{"b", "c"}));
}

TEST(EligibleCsv, ReadsHashedVoters) {
  const std::string voter(64, 'a');
  const auto csv =
      parse_eligible_csv(std::string(kEligibleHeader) + "\r\n" + voter + ",2001-04-17,68134,\n");
  ASSERT_TRUE(csv.errors.empty());
  ASSERT_EQ(csv.voters.size(), 1u);
  EXPECT_EQ(csv.voters[0].birth_date, "2001-04-17");
  EXPECT_EQ(csv.voters[0].permanent_settlement, "68134");
  EXPECT_EQ(csv.voters[0].current_settlement, "");
}

TEST(EligibleCsv, RefusesClearNumbersAndReportsEveryBadLine) {
  const std::string voter(64, 'b');
  const auto csv = parse_eligible_csv(
      std::string(kEligibleHeader) + "\n" + "7501020018,1975-01-02,68134,\n" +  // line 2
      voter + ",1975-13-02,68134,\n" +                                          // line 3
      voter + ",1975-01-02,Sofia,\n" +                                          // line 4
      voter + ",1975-01-02,68134\n" +                                           // line 5
      voter + ",1975-01-02,68134,\n" + voter + ",1975-01-02,68134,\n");         // line 7: repeated
  std::vector<std::string> codes;
  for (const auto& error : csv.errors) codes.push_back(error.code + " " + error.path);
  EXPECT_EQ(codes, (std::vector<std::string>{
                       "vote.register.clear_number /lines/2", "vote.register.birth_date /lines/3",
                       "vote.register.settlement /lines/4", "vote.register.columns /lines/5",
                       "vote.register.duplicate /lines/7"}));
  EXPECT_EQ(parse_eligible_csv("").errors.at(0).code, "vote.register.header");
  EXPECT_EQ(parse_eligible_csv("voter\n").errors.at(0).code, "vote.register.header");
}

TEST(TarWriter, UstarHeadersAndPadding) {
  TarWriter tar;
  tar.add("board/a.json", "{}\n", 0);
  const std::string archive = tar.finish();
  ASSERT_EQ(archive.size(), 512u * 4);  // header, one data block, two end blocks
  EXPECT_EQ(archive.substr(0, 12), "board/a.json");
  EXPECT_EQ(archive.substr(257, 5), "ustar");
  EXPECT_EQ(archive.substr(124, 11), "00000000003");
  unsigned sum = 0;
  for (std::size_t i = 0; i < 512; ++i) {
    sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(archive[i]);
  }
  EXPECT_EQ(std::stoul(archive.substr(148, 6), nullptr, 8), sum);
  EXPECT_EQ(archive.substr(512, 3), "{}\n");
}

TEST(Location, InsideOutsideAndMissing) {
  const std::vector<civic::geo::Polygon> square{
      {{{23.0, 42.0}, {24.0, 42.0}, {24.0, 43.0}, {23.0, 43.0}}, {}}};
  using Json = nlohmann::ordered_json;
  EXPECT_EQ(check_location(Json{{"lat", 42.5}, {"lon", 23.5}}, square), std::nullopt);
  EXPECT_EQ(check_location(Json{{"lat", 42.5}, {"lon", 24.5}}, square)->code,
            "vote.location.outside");
  for (const Json& bad : {Json(), Json{{"lat", 42.5}}, Json{{"lat", "42.5"}, {"lon", 23.5}},
                          Json{{"lat", 91}, {"lon", 23.5}}}) {
    EXPECT_EQ(check_location(bad, square)->code, "vote.location.missing") << bad.dump();
  }
}

}  // namespace
