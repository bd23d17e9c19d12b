// submission::open: verify and unseal, check the form and version, merge, re-validate.
#include "civic/submission.hpp"
#include "common.hpp"

namespace civic::submission {

Result<std::shared_ptr<const forms::Form>> form_of(const profile::Profile& profile,
                                                   std::string_view id) {
  auto form = profile.form(id);
  if (form) return form;
  return Error{"submission.unknown_form",
               "/form/id",
               {"Няма такава услуга: „" + std::string(id) + "“",
                "There is no such service: \"" + std::string(id) + "\""},
               {{"form", std::string(id)}}};
}

Result<Opened> open(const profile::Profile& profile, const Json& envelope,
                    const envelope::SecretKey& secret, Date today) {
  auto unsealed = envelope::open(envelope, secret);
  if (!unsealed) return std::move(unsealed).error();
  const Json& made_for = unsealed->envelope.at("form");
  auto form = form_of(profile, made_for.at("id").get<std::string>());
  if (!form) return std::move(form).error();
  const Json expected = forms::form_version(**form);
  if (made_for.at("version") != expected) {
    return Error{"submission.version_mismatch",
                 "/form/version",
                 {"Заявлението е попълнено за друга версия на формуляра: попълнете го отново",
                  "The application was made for another version of the form: fill it in again"},
                 {{"expected", expected}, {"got", made_for.at("version")}}};
  }
  Opened opened;
  opened.form = std::move(form).value();
  opened.answers = unsealed->envelope.at("answers");
  for (auto& [id, value] : unsealed->personal.items()) opened.answers[id] = std::move(value);
  opened.report = forms::validate(*opened.form, opened.answers, profile.context(today));
  const auto district = opened.report.computed.find("district");
  if (district != opened.report.computed.end() && district->is_string()) {
    opened.district = district->get<std::string>();
  }
  opened.envelope = std::move(unsealed->envelope);
  return opened;
}

}  // namespace civic::submission
