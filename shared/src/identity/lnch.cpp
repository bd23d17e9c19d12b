#include <algorithm>

#include "civic/identity.hpp"
#include "digits.hpp"

namespace civic {

namespace {
const identity_detail::NumberKind kLnch{"lnch", {"ЛНЧ", "An LNCh"}};
constexpr std::array<int, 9> kLnchWeights = {21, 19, 17, 13, 11, 9, 7, 3, 1};

bool lnch_checksum_ok(std::string_view lnch) {
  return identity_detail::weighted_sum(lnch, kLnchWeights) % 10 ==
         identity_detail::digit_at(lnch, 9);
}
}  // namespace

Result<Unit> check_lnch(std::string_view lnch) {
  if (auto error = identity_detail::shape_error(lnch, 10, kLnch)) return *std::move(error);
  if (!lnch_checksum_ok(lnch)) return identity_detail::checksum_error(kLnch);
  return Unit{};
}

bool identity_detail::is_valid_lnch(std::string_view text) {
  return text.size() == 10 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         lnch_checksum_ok(text);
}

}  // namespace civic
