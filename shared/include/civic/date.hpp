// civic/date.hpp — calendar dates (proleptic Gregorian), no time zones, no clock.
//
// "Today" is always a parameter: the core never reads a clock.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "civic/result.hpp"

namespace civic {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  friend auto operator<=>(const Date&, const Date&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 when month is outside 1..12
bool is_real_date(int year, int month, int day);

// Parses "YYYY-MM-DD" (exactly that shape, a real date, years 0001..9999).
// Errors: date.format, date.not_real.
Result<Date> parse_iso_date(std::string_view text);

// `number` in decimal, zero-padded to `width` characters, the sign included: printf's "%0*d".
std::string zero_padded(int number, int width);

// "YYYY-MM-DD", zero-padded.
std::string to_iso(Date date);

// Completed years from `birth` to `on` (negative when `on` is before `birth`).
// Someone born on 29 February has a birthday on 28 February in common years,
// as Bulgarian law counts a period in years (Obligations and Contracts Act, art. 72).
int age_on(Date birth, Date on);

}  // namespace civic
