#include "shape.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "civic/date.hpp"
#include "encoding.hpp"

namespace civic::envelope {

namespace {

bool is_lower_hex(std::string_view text, std::size_t digits) {
  if (text.size() != digits) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool is_two_digits(std::string_view text, size_t at, int max) {
  const char a = text[at], b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return false;
  return (a - '0') * 10 + (b - '0') <= max;
}

// "YYYY-MM-DDTHH:MM:SSZ" with a real date.
bool is_timestamp(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return false;
  }
  return parse_iso_date(text.substr(0, 10)).ok() && is_two_digits(text, 11, 23) &&
         is_two_digits(text, 14, 59) && is_two_digits(text, 17, 59);
}

std::string member_path(const char* prefix, const std::string& key) {
  std::string path(prefix);
  path.append(key);
  return path;
}

bool is_string(const Json& value) { return value.is_string(); }
const std::string& text_of(const Json& value) { return value.get_ref<const std::string&>(); }

Result<Unit> check_form_id(const Json& id, const std::string& path) {
  if (!is_string(id) || text_of(id).empty()) {
    return malformed(path, "идентификаторът на формуляра липсва", "the form id is missing");
  }
  return Unit{};
}

Result<Unit> check_version(const Json& version, const std::string& path) {
  if (version.is_number_unsigned() ||
      (version.is_number_integer() && version.get<long long>() >= 0) ||
      (is_string(version) && !text_of(version).empty())) {
    return Unit{};
  }
  return malformed(path, "версията на формуляра трябва да е текст или цяло число",
                   "the form version must be a string or a whole number");
}

Result<Unit> check_created_at(const Json& value, const std::string& path) {
  if (!is_string(value) || !is_timestamp(text_of(value))) {
    return malformed(path, "часът на създаване трябва да е ГГГГ-ММ-ДДTЧЧ:ММ:ССZ",
                     "the creation time must be YYYY-MM-DDTHH:MM:SSZ");
  }
  return Unit{};
}

Result<Unit> check_hex(const Json& value, std::size_t digits, const std::string& path) {
  if (!is_string(value) || !is_lower_hex(text_of(value), digits)) {
    return malformed(path, "очакват се шестнадесетични цифри", "hexadecimal digits expected");
  }
  return Unit{};
}

Result<Unit> check_object(const Json& value, const std::string& path) {
  if (!value.is_object()) return malformed(path, "очаква се обект", "an object expected");
  return Unit{};
}

Result<Unit> check_form(const Json& form) {
  auto ok = check_object(form, "/form");
  if (!ok) return ok;
  for (const auto& [key, value] : form.items()) {
    if (key != "id" && key != "version") {
      return malformed(member_path("/form/", key), "непознато поле", "an unknown member");
    }
  }
  if (!form.contains("id")) return check_form_id(Json(), "/form/id");
  if (!form.contains("version")) return check_version(Json(), "/form/version");
  ok = check_form_id(form["id"], "/form/id");
  if (!ok) return ok;
  return check_version(form["version"], "/form/version");
}

Result<Unit> check_sealed(const Json& value) {
  if (!is_string(value) || !from_base64(text_of(value))) {
    return malformed("/sealed", "запечатаната част трябва да е base64",
                     "the sealed part must be base64");
  }
  return Unit{};
}

}  // namespace

Result<Unit> check_draft(const Draft& draft) {
  auto ok = check_form_id(Json(draft.form_id), "/form_id");
  if (ok) ok = check_version(draft.form_version, "/form_version");
  if (ok) ok = check_object(draft.answers, "/answers");
  if (ok) ok = check_object(draft.personal, "/personal");
  if (ok) ok = check_hex(Json(draft.report_hash), 64, "/report_hash");
  if (ok) ok = check_created_at(Json(draft.created_at), "/created_at");
  return ok;
}

Result<Unit> check_envelope_shape(const Json& envelope) {
  static constexpr std::array<std::string_view, 9> kMembers = {
      "format",  "form",      "created_at", "idempotency_id", "report_hash",
      "answers", "recipient", "sealed",     "content_hash"};
  auto ok = check_object(envelope, "");
  if (!ok) return ok;
  for (const auto& [key, value] : envelope.items()) {
    if (std::find(kMembers.begin(), kMembers.end(), key) == kMembers.end()) {
      return malformed(member_path("/", key), "непознато поле", "an unknown member");
    }
  }
  for (std::string_view member : kMembers) {
    if (!envelope.contains(std::string(member))) {
      return malformed(member_path("/", std::string(member)), "липсва поле", "a member is missing");
    }
  }
  const Json& format = envelope["format"];
  if (!is_string(format) || text_of(format) != kFormat) {
    return Error{"envelope.unsupported_format",
                 "/format",
                 {"Този вид плик не се поддържа", "This kind of envelope is not supported"},
                 {{"supported", kFormat}}};
  }
  ok = check_form(envelope["form"]);
  if (ok) ok = check_created_at(envelope["created_at"], "/created_at");
  if (ok) ok = check_hex(envelope["idempotency_id"], 32, "/idempotency_id");
  if (ok) ok = check_hex(envelope["report_hash"], 64, "/report_hash");
  if (ok) ok = check_object(envelope["answers"], "/answers");
  if (ok) ok = check_hex(envelope["recipient"], 64, "/recipient");
  if (ok) ok = check_sealed(envelope["sealed"]);
  if (ok) ok = check_hex(envelope["content_hash"], 64, "/content_hash");
  return ok;
}

}  // namespace civic::envelope
