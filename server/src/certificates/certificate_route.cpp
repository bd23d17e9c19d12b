#include "certificate_route.hpp"

#include "civic/certificate.hpp"
#include "civic/submission.hpp"
#include "log.hpp"
#include "problem.hpp"
#include "submissions.hpp"

namespace civic::server {

namespace {

Message municipality_name(const profile::Profile& profile) {
  const Json& name = profile.bundle()["municipality"]["name"];
  return Message{name.value("bg", ""), name.value("en", "")};
}

void refuse(httplib::Response& response, const Error& error) {
  send_problem(response, 409, "certificate-unavailable", "There is no certificate to issue",
               {error});
}

}  // namespace

void send_certificate(App& app, const httplib::Request& request, httplib::Response& response) {
  const auto record = citizen_submission(app, request, response);
  if (!record) return;
  if (record->status != "approved") {
    refuse(response, server_error("certificate.not_issued", "/status",
                                  "Удостоверението се издава, след като заявлението бъде одобрено",
                                  "The certificate is issued once the submission is approved"));
    return;
  }
  const auto published = app.profiles->current();
  auto opened = submission::open(*published->profile, Json::parse(record->envelope),
                                 app.keys.envelope_secret, server_today(app.config));
  if (!opened) {
    // The stored envelope no longer opens (a rotated key, a form replaced by a new version).
    log_event("error", "certificate_envelope_unopened", {{"code", opened.error().code}});
    refuse(response, opened.error());
    return;
  }
  auto stated = certificate::facts_for(*opened->form, opened->answers);
  if (!stated) {
    refuse(response, stated.error());
    return;
  }
  certificate::Facts facts = *stated;
  facts.submission_id = record->id;
  facts.envelope_hash = record->content_hash;
  facts.form_version = opened->envelope["form"]["version"];
  facts.issuer = municipality_name(*published->profile);
  facts.district = record->district;
  facts.issued_at = record->updated_at;
  auto issued = certificate::issue(facts, app.keys.receipt_seed);
  if (!issued) {
    send_problem(response, 500, "", "The certificate could not be made", {issued.error()});
    return;
  }
  app.metrics.count("certificate_issued");
  send_json(response, 200, *issued);
}

}  // namespace civic::server
