// civickit-tools.wasm answers the JSON API's authoring, operator and server tools; it is
// loaded only when a page asks (load({ tools: true }) or loadTools() in js/index.mjs).
#include "boundary.hpp"
#include "civic/api.hpp"

std::string civic::wasm::call(std::string_view function, std::string_view input_json) {
  return civic::api::call_tools(function, input_json);
}
