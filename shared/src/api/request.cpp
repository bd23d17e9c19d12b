#include "request.hpp"

namespace civic::api {

namespace {

Error bad_field(const char* field, const char* expected_bg, const char* expected_en) {
  return Error{"api.bad_request",
               std::string("/") + field,
               {std::string("Полето „") + field + "“ трябва да е " + expected_bg,
                std::string("The field \"") + field + "\" must be " + expected_en},
               {{"field", field}}};
}

}  // namespace

Json errors_to_json(const std::vector<Error>& errors, const std::string& prefix) {
  Json out = Json::array();
  for (Error error : errors) {
    error.path = prefix + error.path;
    out.push_back(error_to_json(error));
  }
  return out;
}

Result<std::string> Request::string(const char* field) const {
  const auto it = body_.find(field);
  if (it == body_.end() || !it->is_string()) return bad_field(field, "текст", "a string");
  return it->get<std::string>();
}

Result<std::optional<std::string>> Request::optional_string(const char* field) const {
  const auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return bad_field(field, "текст", "a string");
  return std::optional<std::string>{it->get<std::string>()};
}

Result<const Json*> Request::object(const char* field) const {
  const auto it = body_.find(field);
  if (it == body_.end() || !it->is_object()) return bad_field(field, "JSON обект", "a JSON object");
  return &*it;
}

Result<Date> Request::date(const char* field) const {
  auto text = string(field);
  if (!text) return bad_field(field, "дата ГГГГ-ММ-ДД", "a date YYYY-MM-DD");
  auto date = parse_iso_date(*text);
  if (!date) {
    Error error = std::move(date).error();
    error.path = std::string("/") + field;
    return error;
  }
  return date;
}

}  // namespace civic::api
