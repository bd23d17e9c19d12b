#include "civic/api.hpp"

#include <functional>
#include <map>
#include <vector>

#include "address_handlers.hpp"
#include "civic/identity.hpp"
#include "civic/strict_json.hpp"
#include "civic/text.hpp"
#include "envelope_handlers.hpp"
#include "profile_handlers.hpp"
#include "receipt_handlers.hpp"
#include "reference_handlers.hpp"
#include "request.hpp"
#include "rules_handlers.hpp"
#include "vote_handlers.hpp"

namespace civic::api {

namespace {

using Handler = std::function<Json(const Request&)>;

const std::map<std::string_view, Handler>& handlers() {
  static const std::map<std::string_view, Handler> kHandlers = {
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
      {"reference.parse", reference_parse_handler},
      {"text.translit",
       [](const Request& in) -> Json {
         auto text = in.string("text");
         if (!text) return failure(text.error());
         return Json{{"text", transliterate(*text)}};
       }},
      {"text.fold",
       [](const Request& in) -> Json {
         auto text = in.string("text");
         if (!text) return failure(text.error());
         return Json{{"text", fold_for_search(*text)}};
       }},
      {"expr.evaluate", expr_evaluate_handler},
      {"vote.manifest_hash", vote_manifest_hash_handler},
      {"vote.credential", vote_credential_handler},
      {"vote.encrypt", vote_encrypt_handler},
      {"vote.spoil", vote_spoil_handler},
      {"vote.verify_ballot", vote_verify_ballot_handler},
      {"vote.verify_spoiled", vote_verify_spoiled_handler},
      {"form.check_definition", form_check_definition_handler},
      {"form.validate", form_validate_handler},
      {"eligibility.check", eligibility_check_handler},
      {"profile.check", profile_check_handler},
      {"profile.validate_form", profile_validate_form_handler},
  };
  return kHandlers;
}

}  // namespace

std::vector<std::string> functions() {
  std::vector<std::string> names;
  for (const auto& [name, handler] : handlers()) names.emplace_back(name);
  return names;
}

Json error_to_json(const Error& error) {
  return Json{{"code", error.code},
              {"path", error.path},
              {"message", {{"bg", error.message.bg}, {"en", error.message.en}}},
              {"params", error.params}};
}

Json failure(const Error& error) { return Json{{"error", error_to_json(error)}}; }

std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Json call_json(std::string_view function, const Json& input) {
  const auto& table = handlers();
  const auto handler = table.find(function);
  if (handler == table.end()) {
    return failure(Error{"api.unknown_function",
                         "",
                         {"Няма такава функция", "There is no such function"},
                         {{"function", std::string(function)}}});
  }
  if (!input.is_object()) {
    return failure(Error{"api.bad_request",
                         "",
                         {"Заявката трябва да е JSON обект", "The request must be a JSON object"},
                         {}});
  }
  // The last line of defence, native only: in wasm (no -fexceptions) a throw aborts before any
  // catch, so the handlers' typed reading of the input is what keeps a call from failing.
  try {
    return handler->second(Request{input});
  } catch (...) {
    return failure(Error{
        "api.internal",
        "",
        {"Вътрешна грешка при изпълнение на функцията", "An internal error stopped the function"},
        {{"function", std::string(function)}}});
  }
}

std::string call(std::string_view function, std::string_view input_json) {
  // Strict: a request with a BOM or a repeated member name means different things to
  // different readers, so it is refused (json.bom, json.duplicate_key). Deeper inputs are
  // refused before anything recurses over them (dump, canonicalisation): wasm's stack is a
  // few megabytes.
  constexpr std::size_t kMaxDepth = 1000;
  auto input = parse_strict_json(input_json, kMaxDepth);
  if (!input && input.error().code == "json.syntax") {
    return dump(failure(Error{
        "api.bad_json", "", {"Заявката не е валиден JSON", "The request is not valid JSON"}, {}}));
  }
  if (!input && input.error().code == "json.too_deep") {
    return dump(
        failure(Error{"api.too_deep",
                      "",
                      {"Заявката е вложена твърде дълбоко", "The request is nested too deeply"},
                      {{"max_depth", kMaxDepth}}}));
  }
  if (!input) return dump(failure(input.error()));
  return dump(call_json(function, *input));
}

}  // namespace civic::api
