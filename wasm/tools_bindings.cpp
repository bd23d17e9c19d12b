// Embind bindings of civickit-tools.wasm: the JSON API's authoring, operator and server tools
// (civic::api::call_tools), loaded only when a page asks (load({ tools: true }) or
// loadTools() in js/index.mjs).
#include <emscripten/bind.h>

#include <string>

#include "civic/api.hpp"

namespace {

std::string call(const std::string& function, const std::string& input_json) {
  return civic::api::call_tools(function, input_json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(civickit_tools) { emscripten::function("call", &call); }
