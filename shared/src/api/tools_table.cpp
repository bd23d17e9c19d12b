#include "address_handlers.hpp"
#include "dispatch.hpp"
#include "envelope_handlers.hpp"
#include "file_handlers.hpp"
#include "profile_handlers.hpp"
#include "rules_handlers.hpp"

namespace civic::api {

HandlerTable tools_table() {
  static constexpr HandlerEntry kTable[] = {
      {"address.validate", address_validate_handler},
      {"address.suggest", address_suggest_handler},
      {"register.import", register_import_handler},
      {"envelope.hash", envelope_hash_handler},
      {"envelope.seal", envelope_seal_handler},
      {"envelope.open", envelope_open_handler},
      {"envelope.keypair", envelope_keypair_handler},
      {"file.seal", file_seal_handler},
      {"expr.evaluate", expr_evaluate_handler},
      {"form.check_definition", form_check_definition_handler},
      {"eligibility.check", eligibility_check_handler},
      {"profile.check", profile_check_handler},
      {"profile.validate_form", profile_validate_form_handler},
      {"profile.catalogue", profile_catalogue_handler},
  };
  return kTable;
}

std::string call_tools(std::string_view function, std::string_view input_json) {
  return call_in({tools_table()}, function, input_json);
}

}  // namespace civic::api
