// Embind bindings: only binds. The idiomatic JavaScript API lives in js/index.mjs.
#include <emscripten/bind.h>

#include <string>

#include "civic/api.hpp"
#include "civic/form_session_json.hpp"

namespace {

using civic::api::FormSessionJson;

// The whole JSON API through one entry point; see civic/api.hpp.
std::string call(const std::string& function, const std::string& input_json) {
  return civic::api::call(function, input_json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(civickit) {
  emscripten::function("call", &call);
  emscripten::class_<FormSessionJson>("FormSessionJson")
      .constructor<std::string>()
      .function("status", &FormSessionJson::status)
      .function("report", &FormSessionJson::report)
      .function("setAnswers", &FormSessionJson::set_answers)
      .function("setAnswer", &FormSessionJson::set_answer)
      .function("setToday", &FormSessionJson::set_today)
      .function("answers", &FormSessionJson::answers);
}
