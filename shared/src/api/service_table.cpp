#include "address_handlers.hpp"
#include "civic/text.hpp"
#include "dispatch.hpp"
#include "envelope_handlers.hpp"
#include "file_handlers.hpp"
#include "profile_handlers.hpp"
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

const HandlerTable& service_table() {
  static const HandlerTable kTable = {
      {"id.check", check_id_handler},
      {"address.validate", address_validate_handler},
      {"address.suggest", address_suggest_handler},
      {"geo.inside", geo_inside_handler},
      {"register.import", register_import_handler},
      {"envelope.canonicalize", envelope_canonicalize_handler},
      {"envelope.hash", envelope_hash_handler},
      {"envelope.seal", envelope_seal_handler},
      {"envelope.open", envelope_open_handler},
      {"envelope.keypair", envelope_keypair_handler},
      {"receipt.verify", receipt_verify_handler},
      {"certificate.verify", certificate_verify_handler},
      {"reference.parse", reference_parse_handler},
      {"file.media_type", file_media_type_handler},
      {"file.seal", file_seal_handler},
      {"text.translit", translit_handler},
      {"text.fold", fold_handler},
      {"expr.evaluate", expr_evaluate_handler},
      {"form.check_definition", form_check_definition_handler},
      {"form.validate", form_validate_handler},
      {"eligibility.check", eligibility_check_handler},
      {"profile.check", profile_check_handler},
      {"profile.validate_form", profile_validate_form_handler},
      {"profile.catalogue", profile_catalogue_handler},
  };
  return kTable;
}

std::string call_services(std::string_view function, std::string_view input_json) {
  return call_in({&service_table()}, function, input_json);
}

}  // namespace civic::api
