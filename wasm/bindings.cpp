// Embind bindings: only binds. The idiomatic JavaScript API lives in js/index.mjs.
#include <emscripten/bind.h>

#include <string>

#include "civic/api.hpp"

namespace {

// The whole JSON API through one entry point; see civic/api.hpp.
std::string call(const std::string& function, const std::string& input_json) {
  return civic::api::call(function, input_json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(civickit) { emscripten::function("call", &call); }
