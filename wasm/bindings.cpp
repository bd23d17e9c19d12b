// Embind bindings: only binds. The idiomatic JavaScript API lives in js/index.mjs.
#include <emscripten/bind.h>

#include <string>

#include "civic/api.hpp"
#include "civic/form_session_json.hpp"
#include "civic/profile_json.hpp"

namespace {

using civic::api::FormSessionJson;
using civic::api::ProfileJson;

// The whole JSON API through one entry point; see civic/api.hpp.
std::string call(const std::string& function, const std::string& input_json) {
  return civic::api::call(function, input_json);
}

// A form of a loaded profile (FormSessionJson's profile constructor); the JS side only calls
// it on a profile whose status() was ok.
FormSessionJson* profile_form_session(const ProfileJson& profile, const std::string& request) {
  return new FormSessionJson(*profile.profile(), request);
}

}  // namespace

EMSCRIPTEN_BINDINGS(civickit) {
  emscripten::function("call", &call);
  emscripten::class_<FormSessionJson>("FormSessionJson")
      .constructor<std::string>()
      .constructor(&profile_form_session, emscripten::allow_raw_pointers())
      .function("status", &FormSessionJson::status)
      .function("report", &FormSessionJson::report)
      .function("setAnswers", &FormSessionJson::set_answers)
      .function("setAnswer", &FormSessionJson::set_answer)
      .function("setToday", &FormSessionJson::set_today)
      .function("answers", &FormSessionJson::answers);
  emscripten::class_<ProfileJson>("ProfileJson")
      .constructor<std::string>()
      .function("status", &ProfileJson::status)
      .function("validateAddress", &ProfileJson::validate_address)
      .function("suggest", &ProfileJson::suggest)
      .function("checkEligibility", &ProfileJson::check_eligibility)
      .function("seal", &ProfileJson::seal);
}
