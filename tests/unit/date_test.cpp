#include "civic/date.hpp"

#include <gtest/gtest.h>

namespace civic {
namespace {

TEST(Date, ParsesIsoDates) {
  auto date = parse_iso_date("2024-02-29");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(*date, (Date{2024, 2, 29}));
  EXPECT_EQ(to_iso(*date), "2024-02-29");
}

TEST(Date, RefusesWrongShapes) {
  for (const char* text :
       {"", "2024-2-29", "2024/02/29", "24-02-29", "2024-02-29T00", "２０２４-02-29"}) {
    auto date = parse_iso_date(text);
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_EQ(date.error().code, "date.format") << text;
  }
}

TEST(Date, RefusesImpossibleDates) {
  for (const char* text : {"2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "0000-01-01"}) {
    auto date = parse_iso_date(text);
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_EQ(date.error().code, "date.not_real") << text;
  }
  EXPECT_TRUE(parse_iso_date("2000-02-29").ok());
}

TEST(Date, AgeCountsCompletedYears) {
  EXPECT_EQ(age_on({2008, 11, 25}, {2026, 11, 24}), 17);
  EXPECT_EQ(age_on({2008, 11, 25}, {2026, 11, 25}), 18);
  EXPECT_EQ(age_on({2008, 2, 29}, {2026, 2, 27}), 17);
  EXPECT_EQ(age_on({2008, 2, 29}, {2026, 2, 28}), 18);  // common year: 28 February
  EXPECT_EQ(age_on({2008, 2, 29}, {2028, 2, 28}), 19);  // leap year: waits for the 29th
  EXPECT_EQ(age_on({2008, 2, 29}, {2028, 2, 29}), 20);
  EXPECT_LT(age_on({2030, 1, 1}, {2026, 1, 1}), 0);
}

}  // namespace
}  // namespace civic
