#include "civic/identity.hpp"
#include "digits.hpp"

namespace civic {

using identity_detail::digit_at;
using identity_detail::weighted_sum;

namespace {

const identity_detail::NumberKind kEgn{"egn", {"ЕГН", "An EGN"}};
constexpr std::array<int, 9> kEgnWeights = {2, 4, 8, 5, 10, 9, 7, 3, 6};

// Months 1-12: 1900s; +20: 1800s; +40: 2000s.
Date decode_birth_date(std::string_view egn) {
  const int yy = digit_at(egn, 0) * 10 + digit_at(egn, 1);
  const int mm = digit_at(egn, 2) * 10 + digit_at(egn, 3);
  const int dd = digit_at(egn, 4) * 10 + digit_at(egn, 5);
  if (mm > 40) return {2000 + yy, mm - 40, dd};
  if (mm > 20) return {1800 + yy, mm - 20, dd};
  return {1900 + yy, mm, dd};
}

}  // namespace

const char* to_string(Sex sex) { return sex == Sex::male ? "male" : "female"; }

Result<EgnInfo> check_egn(std::string_view egn, Date today) {
  if (auto error = identity_detail::shape_error(egn, 10, kEgn)) return *std::move(error);
  const Date birth = decode_birth_date(egn);
  if (!is_real_date(birth.year, birth.month, birth.day)) {
    return Error{"egn.bad_date",
                 "",
                 {"Първите 6 цифри на ЕГН трябва да са истинска дата на раждане",
                  "The first 6 digits of an EGN must be a real date of birth"},
                 {}};
  }
  if (birth > today) {
    return Error{"egn.future_date",
                 "",
                 {"Датата на раждане в ЕГН не може да е в бъдещето",
                  "The date of birth in an EGN cannot be in the future"},
                 {{"birth_date", to_iso(birth)}}};
  }
  if (weighted_sum(egn, kEgnWeights) % 11 % 10 != digit_at(egn, 9)) {
    return identity_detail::checksum_error(kEgn);
  }
  return EgnInfo{birth, digit_at(egn, 8) % 2 == 0 ? Sex::male : Sex::female};
}

}  // namespace civic
