#include "civic/date.hpp"

#include <array>
#include <cstdio>

namespace civic {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_real_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

namespace {

bool parse_digits(std::string_view text, size_t from, size_t count, int& out) {
  out = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

Result<Date> parse_iso_date(std::string_view text) {
  Date date;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      parse_digits(text, 0, 4, date.year) && parse_digits(text, 5, 2, date.month) &&
                      parse_digits(text, 8, 2, date.day);
  if (!shaped) {
    return Error{"date.format",
                 "",
                 {"Въведете дата във вида ГГГГ-ММ-ДД, например 2007-03-27",
                  "Enter a date in the form YYYY-MM-DD, for example 2007-03-27"},
                 {}};
  }
  if (!is_real_date(date.year, date.month, date.day)) {
    return Error{"date.not_real",
                 "",
                 {"Датата трябва да е истинска дата", "The date must be a real date"},
                 {{"date", std::string(text)}}};
  }
  return date;
}

std::string to_iso(Date date) {
  const int year = date.year % 10000, month = date.month % 100, day = date.day % 100;
  if (year < 0 || month < 0 || day < 0) {  // printf's signed padding, as before
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
  }
  const auto digit = [](int n) { return static_cast<char>('0' + n % 10); };
  return {digit(year / 1000),
          digit(year / 100),
          digit(year / 10),
          digit(year),
          '-',
          digit(month / 10),
          digit(month),
          '-',
          digit(day / 10),
          digit(day)};
}

int age_on(Date birth, Date on) {
  int age = on.year - birth.year;
  int birthday_day = birth.day;
  if (birth.month == 2 && birth.day == 29 && !is_leap_year(on.year)) birthday_day = 28;
  if (on.month < birth.month || (on.month == birth.month && on.day < birthday_day)) --age;
  return age;
}

}  // namespace civic
