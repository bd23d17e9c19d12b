// civic/form_session_json.hpp — a form being filled in, with JSON text in and out.
//
// The browser keeps one of these per open form (wrapped by the wasm module as
// `FormSession`): the definition is read once, and each keystroke re-validates the
// answers without re-reading it. Every method returns compact JSON text, as
// civic::api::call does: a report (forms::to_json) or {"error": ...}.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "civic/api.hpp"
#include "civic/forms.hpp"
#include "civic/profile.hpp"

namespace civic::api {

class FormSessionJson {
 public:
  // {"form": definition, "today": "YYYY-MM-DD", "answers"?: object,
  //  "answers_version"?: integer (migrates a draft made against an older version)}.
  // A refused request leaves the session unusable: status() says why.
  explicit FormSessionJson(const std::string& request_json);
  // A form of a loaded profile, its addresses checked against the profile's register:
  // {"form": form id, "today", "answers"?, "answers_version"?}. Error profile.unknown_form.
  FormSessionJson(const profile::Profile& profile, const std::string& request_json);

  // {"ok": true} when the session is usable, else {"error": ...}.
  std::string status() const;
  // The current report.
  std::string report() const;
  // Replaces every answer; returns the new report.
  std::string set_answers(const std::string& answers_json);
  // Sets one answer at a JSON pointer ("/applicant/egn"); a null value removes it.
  // Returns the new report, or {"error": ...} (nothing changed).
  std::string set_answer(const std::string& pointer, const std::string& value_json);
  // Moves "today"; returns the new report.
  std::string set_today(const std::string& today);
  // The answers as given so far (hidden ones included: they come back if shown again).
  std::string answers() const;

 private:
  void start(const Json& request, std::shared_ptr<const forms::Form> form, forms::Context context);

  std::unique_ptr<forms::FormSession> session_;
  std::string error_;  // {"error": ...} when the request was refused
};

}  // namespace civic::api
