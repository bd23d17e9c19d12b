// civic/identity.hpp — Bulgarian identification numbers, validated exactly.
//
//   EGN  (ЕГН)  personal number of a Bulgarian citizen: birth date, sex, check digit.
//   LNCh (ЛНЧ)  personal number of a foreigner: check digit only.
//   EIK  (ЕИК/БУЛСТАТ) number of an organisation: 9 digits, or 13 for a branch.
//
// Every check takes the number exactly as typed: no trimming, no "BG" prefix removal.
// Each distinct failure has a stable code and a bilingual message:
//   <kind>.length       wrong number of characters      (params: expected_length, actual_length)
//   <kind>.non_digit    a character other than 0-9      (params: position, 1-based)
//   egn.bad_date        digits 1-6 are not a real date
//   egn.future_date     the birth date is after `today` (params: birth_date)
//   <kind>.checksum     the check digit does not match  (no expected digit is disclosed)
// Errors carry an empty path; callers embedding them in a form set the path.
#pragma once

#include <optional>
#include <string_view>

#include "civic/date.hpp"
#include "civic/result.hpp"

namespace civic {

enum class Sex { male, female };
const char* to_string(Sex sex);  // "male" / "female"

enum class IdKind { egn, lnch, eik };
const char* to_string(IdKind kind);  // "egn" / "lnch" / "eik"
// Parses "egn", "lnch" or "eik"; error id.kind_unknown otherwise.
Result<IdKind> parse_id_kind(std::string_view text);

struct EgnInfo {
  Date birth_date;
  Sex sex;  // 9th digit even → male, odd → female
};

// Months 01-12 → 1900s, 21-32 → 1800s, 41-52 → 2000s. Weights 2,4,8,5,10,9,7,3,6;
// sum mod 11, 10 → 0. A birth date after `today` is refused.
Result<EgnInfo> check_egn(std::string_view egn, Date today);

// Weights 21,19,17,13,11,9,7,3,1; sum mod 10.
Result<Unit> check_lnch(std::string_view lnch);

enum class EikForm { entity, branch };  // 9 digits / 13 digits

// 9 digits: weights 1..8 mod 11, when that is 10 weights 3..10 mod 11, 10 → 0.
// 13 digits: a valid 9-digit prefix, then digits 9-12 with weights 2,7,3,5 mod 11,
// when that is 10 weights 4,9,5,7 mod 11, 10 → 0.
Result<EikForm> check_eik(std::string_view eik);

// The outcome of checking a number whose kind may be unknown.
struct IdCheck {
  IdKind kind;
  std::optional<Error> error;       // empty when valid
  std::optional<EgnInfo> egn_info;  // set for a valid EGN
  bool valid() const { return !error.has_value(); }
};

// Checks `number` as `kind`, or infers the kind when none is given:
// 9 or 13 digits → eik; otherwise egn when valid as an EGN, else lnch when valid
// as an LNCh, else egn (so the reasons given are the EGN's).
IdCheck check_id(std::string_view number, std::optional<IdKind> kind, Date today);

}  // namespace civic
