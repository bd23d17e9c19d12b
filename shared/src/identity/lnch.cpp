#include "civic/identity.hpp"
#include "digits.hpp"

namespace civic {

namespace {
const identity_detail::NumberKind kLnch{"lnch", {"ЛНЧ", "An LNCh"}};
constexpr std::array<int, 9> kLnchWeights = {21, 19, 17, 13, 11, 9, 7, 3, 1};
}  // namespace

Result<Unit> check_lnch(std::string_view lnch) {
  if (auto error = identity_detail::shape_error(lnch, 10, kLnch)) return *std::move(error);
  if (identity_detail::weighted_sum(lnch, kLnchWeights) % 10 !=
      identity_detail::digit_at(lnch, 9)) {
    return identity_detail::checksum_error(kLnch);
  }
  return Unit{};
}

}  // namespace civic
