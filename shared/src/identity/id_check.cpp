#include <algorithm>

#include "civic/identity.hpp"
#include "digits.hpp"

namespace civic {

const char* to_string(IdKind kind) {
  switch (kind) {
    case IdKind::egn: return "egn";
    case IdKind::lnch: return "lnch";
    case IdKind::eik: return "eik";
  }
  return "egn";
}

Result<IdKind> parse_id_kind(std::string_view text) {
  for (IdKind kind : {IdKind::egn, IdKind::lnch, IdKind::eik}) {
    if (text == to_string(kind)) return kind;
  }
  return Error{"id.kind_unknown",
               "",
               {"Видът на номера трябва да е egn, lnch или eik",
                "The kind of number must be egn, lnch or eik"},
               {{"kind", std::string(text)}}};
}

namespace {

IdCheck check_as(std::string_view number, IdKind kind, Date today) {
  IdCheck out{kind, std::nullopt, std::nullopt};
  switch (kind) {
    case IdKind::egn: {
      auto egn = check_egn(number, today);
      if (egn)
        out.egn_info = *egn;
      else
        out.error = std::move(egn).error();
      break;
    }
    case IdKind::lnch: {
      auto lnch = check_lnch(number);
      if (!lnch) out.error = std::move(lnch).error();
      break;
    }
    case IdKind::eik: {
      auto eik = check_eik(number);
      if (!eik) out.error = std::move(eik).error();
      break;
    }
  }
  return out;
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

IdCheck check_id(std::string_view number, std::optional<IdKind> kind, Date today) {
  if (kind) return check_as(number, *kind, today);
  if ((number.size() == 9 || number.size() == 13) && all_digits(number)) {
    return check_as(number, IdKind::eik, today);
  }
  IdCheck egn = check_as(number, IdKind::egn, today);
  if (egn.valid() || !identity_detail::is_valid_lnch(number)) return egn;
  return {IdKind::lnch, std::nullopt, std::nullopt};
}

}  // namespace civic
