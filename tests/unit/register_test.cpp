#include <gtest/gtest.h>

#include "civic/register_import.hpp"

namespace civic {
namespace {

constexpr const char* kHeader =
    "settlement,street_type,street,number,complex,block,entrances,postal_code\n";

TEST(RegisterImport, GroupsRowsIntoStreetsAndBlocks) {
  const std::string csv = std::string("\xEF\xBB\xBF") + kHeader +
                          "68134,ул.,\"Акад. Борис Стефанов\",1,,,,1700\r\n"
                          "68134,ул.,Акад. Борис Стефанов,5а,,,,1700\r\n"
                          "68134,,,,Студентски град,8,А;Б,1734\n"
                          "\n"
                          "68134,бул.,\"Климент \"\"Охридски\"\"\",8,,,,1756\n";
  const auto report = address::import_csv("68134-16", csv);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.rows, 4u);
  EXPECT_EQ(report.accepted, 4u);
  ASSERT_EQ(report.district.streets.size(), 2u);
  EXPECT_EQ(report.district.streets[0].numbers, (std::vector<std::string>{"1", "5А"}));
  EXPECT_EQ(report.district.streets[1].name, "Климент \"Охридски\"");
  ASSERT_EQ(report.district.blocks.size(), 1u);
  EXPECT_EQ(report.district.blocks[0].entrances, (std::vector<std::string>{"А", "Б"}));
  EXPECT_EQ(report.district.settlements[0].postal_codes,
            (std::vector<std::string>{"1700", "1734", "1756"}));
}

TEST(RegisterImport, ReportsEveryErrorClass) {
  const std::string csv = std::string(kHeader) +
                          "68134,ул.,Витоша,1,,,,1000\n"     // 2 ok
                          "68134,ул.,Витоша,1,,,,1000\n"     // 3 duplicate of 2
                          "68134,ул.,витоша,1,,,,1463\n"     // 4 postal conflict with 2
                          "6813,ул.,Витоша,3,,,,1000\n"      // 5 settlement format
                          "68134,ул.,Витоша,3,,,1000\n"      // 6 columns
                          "68134,ул.,Витоша,,,,,1000\n"      // 7 street or block
                          "68134,ул.,Витоша,3-5,,,,1000\n"   // 8 number format
                          "68134,,,,Младост 1,12,АБ,1784\n"  // 9 entrance format
                          "68134,ул.,Витоша,7,,,,10000\n"    // 10 postal format
                          "68134,ул.,\"Витоша,9,,,,1000\n";  // 11 quote
  const auto report = address::import_csv("68134-01", csv);
  EXPECT_FALSE(report.ok());
  std::vector<std::string> codes;
  for (const Error& e : report.errors) codes.push_back(e.code + " " + e.path);
  EXPECT_EQ(codes,
            (std::vector<std::string>{
                "register.settlement_format /rows/5/settlement", "register.columns /rows/6",
                "register.street_or_block_required /rows/7", "address.number_format /rows/8/number",
                "address.entrance_format /rows/9/entrances",
                "address.postal_code_format /rows/10/postal_code", "register.quote /rows/11"}));
  ASSERT_EQ(report.duplicates.size(), 1u);
  EXPECT_EQ(report.duplicates[0]["row"], 3);
  EXPECT_EQ(report.duplicates[0]["first_row"], 2);
  ASSERT_EQ(report.postal_conflicts.size(), 1u);
  EXPECT_EQ(report.postal_conflicts[0]["postal_code"], "1463");
  EXPECT_EQ(report.accepted, 1u);
}

TEST(RegisterImport, RefusesAWrongHeader) {
  const auto report = address::import_csv("68134-01", "street,number\nВитоша,1\n");
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].code, "register.header");
}

}  // namespace
}  // namespace civic
