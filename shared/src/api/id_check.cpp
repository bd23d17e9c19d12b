#include "civic/identity.hpp"
#include "request.hpp"

namespace civic::api {

// id.check {"number", "kind"?, "today"} →
//   {"input","kind","valid","code","birth_date","sex","message"}
Json check_id_handler(const Request& request) {
  auto number = request.string("number");
  if (!number) return failure(number.error());
  auto today = request.date("today");
  if (!today) return failure(today.error());
  auto kind_name = request.optional_string("kind");
  if (!kind_name) return failure(kind_name.error());

  std::optional<IdKind> kind;
  if (kind_name->has_value()) {
    auto parsed = parse_id_kind(**kind_name);
    if (!parsed) {
      Error error = std::move(parsed).error();
      error.path = "/kind";
      return failure(error);
    }
    kind = *parsed;
  }

  return id_check_to_json(*number, check_id(*number, kind, *today));
}

Json id_check_to_json(std::string_view number, const IdCheck& check) {
  Json out{{"input", number}, {"kind", to_string(check.kind)}, {"valid", check.valid()}};
  out["code"] = check.error ? Json(check.error->code) : Json(nullptr);
  out["birth_date"] = check.egn_info ? Json(to_iso(check.egn_info->birth_date)) : Json(nullptr);
  out["sex"] = check.egn_info ? Json(to_string(check.egn_info->sex)) : Json(nullptr);
  out["message"] = check.error
                       ? Json{{"bg", check.error->message.bg}, {"en", check.error->message.en}}
                       : Json(nullptr);
  return out;
}

}  // namespace civic::api
