// submission::seal: validate, split the canonical answers, seal the personal part.
#include <algorithm>

#include "civic/submission.hpp"
#include "common.hpp"

namespace civic::submission {

Result<Json> seal(const profile::Profile& profile, std::string_view form_id, const Json& answers,
                  const SealOptions& options, const envelope::PublicKey& recipient, Rng& rng) {
  auto form = form_of(profile, form_id);
  if (!form) return std::move(form).error();
  const forms::Form& definition = **form;
  forms::Report report = forms::validate(definition, answers, profile.context(options.today));
  const Json report_json = forms::to_json(definition, report);
  if (!report.valid) {
    return Error{"submission.invalid",
                 "",
                 {"Формулярът има грешки: поправете ги и опитайте отново",
                  "The form has errors: correct them and try again"},
                 {{"report", report_json}}};
  }
  auto report_hash = envelope::canonical_hash(report_json);
  if (!report_hash) return std::move(report_hash).error();

  envelope::Draft draft;
  draft.form_id = std::string(form_id);
  draft.form_version = forms::form_version(definition);
  draft.answers = Json::object();
  draft.personal = Json::object();
  const std::vector<std::string> personal = forms::personal_fields(definition);
  for (auto& [id, value] : report.answers.items()) {
    const bool is_personal = std::find(personal.begin(), personal.end(), id) != personal.end();
    (is_personal ? draft.personal : draft.answers)[id] = std::move(value);
  }
  draft.report_hash = std::move(report_hash).value();
  draft.created_at = options.created_at;
  return envelope::seal(draft, recipient, rng);
}

}  // namespace civic::submission
