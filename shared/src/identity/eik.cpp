#include "civic/identity.hpp"
#include "digits.hpp"

namespace civic {

using identity_detail::digit_at;
using identity_detail::weighted_sum;

namespace {

const identity_detail::NumberKind kEik9{"eik", {"ЕИК", "An EIK"}};

// A remainder mod 11 with a fallback weighting when the first gives 10; 10 again → 0.
template <size_t N>
int check_digit(std::string_view digits, size_t offset, const std::array<int, N>& weights,
                const std::array<int, N>& fallback) {
  int remainder = weighted_sum(digits, weights, offset) % 11;
  if (remainder == 10) remainder = weighted_sum(digits, fallback, offset) % 11;
  return remainder % 10;
}

bool entity_digit_ok(std::string_view eik) {
  return check_digit(eik, 0, std::array{1, 2, 3, 4, 5, 6, 7, 8},
                     std::array{3, 4, 5, 6, 7, 8, 9, 10}) == digit_at(eik, 8);
}

bool branch_digit_ok(std::string_view eik) {
  return check_digit(eik, 8, std::array{2, 7, 3, 5}, std::array{4, 9, 5, 7}) == digit_at(eik, 12);
}

}  // namespace

Result<EikForm> check_eik(std::string_view eik) {
  const size_t characters = identity_detail::character_count(eik);
  if (characters != 9 && characters != 13) {
    return Error{"eik.length",
                 "",
                 {"ЕИК трябва да е точно 9 или 13 цифри", "An EIK must be exactly 9 or 13 digits"},
                 {{"expected_length", nlohmann::ordered_json::array({9, 13})},
                  {"actual_length", characters}}};
  }
  if (auto error = identity_detail::shape_error(eik, characters, kEik9)) return *std::move(error);
  if (!entity_digit_ok(eik) || (eik.size() == 13 && !branch_digit_ok(eik))) {
    return identity_detail::checksum_error(kEik9);
  }
  return eik.size() == 9 ? EikForm::entity : EikForm::branch;
}

}  // namespace civic
