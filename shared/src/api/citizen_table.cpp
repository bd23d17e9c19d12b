#include "civic/text.hpp"
#include "dispatch.hpp"
#include "envelope_handlers.hpp"
#include "file_handlers.hpp"
#include "receipt_handlers.hpp"
#include "reference_handlers.hpp"
#include "rules_handlers.hpp"

namespace civic::api {

namespace {

// text.translit {"text"} → {"text"}
Json translit_handler(const Request& request) {
  auto text = request.string("text");
  if (!text) return failure(text.error());
  return Json{{"text", transliterate(*text)}};
}

// text.fold {"text"} → {"text"}
Json fold_handler(const Request& request) {
  auto text = request.string("text");
  if (!text) return failure(text.error());
  return Json{{"text", fold_for_search(*text)}};
}

}  // namespace

HandlerTable citizen_table() {
  static constexpr HandlerEntry kTable[] = {
      {"id.check", check_id_handler},
      {"text.translit", translit_handler},
      {"text.fold", fold_handler},
      {"reference.parse", reference_parse_handler},
      {"file.media_type", file_media_type_handler},
      {"receipt.verify", receipt_verify_handler},
      {"certificate.verify", certificate_verify_handler},
      {"envelope.canonicalize", envelope_canonicalize_handler},
      {"form.validate", form_validate_handler},
  };
  return kTable;
}

std::string call_citizen(std::string_view function, std::string_view input_json) {
  return call_in({citizen_table()}, function, input_json);
}

}  // namespace civic::api
