#include "submission_review.hpp"

#include <optional>

#include "problem.hpp"

namespace civic::kiosk {

std::string_view decision_status(Decision decision) {
  switch (decision) {
    case Decision::approve: return "approved";
    case Decision::reject: return "rejected";
    case Decision::needs_correction: return "needs_correction";
  }
  return "received";
}

void SubmissionReview::open(const std::string& token, const std::string& submission_id,
                            std::shared_ptr<const profile::Profile> profile, Date today) {
  close();
  busy_ = true;
  server_.send(get_request("/api/v1/operator/submissions/" + submission_id, token),
               [this, submission_id, profile, today](const HttpResponse& response) {
                 busy_ = false;
                 const auto body = forms::Json::parse(response.body, nullptr, false);
                 if (response.status != 200 || !body.is_object()) {
                   message_ = problem_message(response);
                   return;
                 }
                 id_ = submission_id;
                 status_ = body.value("status", "");
                 answers_ = body.value("answers", forms::Json::object());
                 server_report_ = body.value("report", forms::Json::object());
                 const auto form_ref = body.value("form", forms::Json::object());
                 const auto form = profile && form_ref.is_object()
                                       ? profile->form(form_ref.value("id", ""))
                                       : nullptr;
                 if (form)
                   local_report_ = forms::validate(*form, answers_, profile->context(today));
               });
}

bool SubmissionReview::reports_agree() const {
  return local_report_ && server_report_.is_object() &&
         server_report_.value("valid", false) == local_report_->valid;
}

void SubmissionReview::decide(const std::string& token, Decision decision,
                              const std::string& reason,
                              std::function<void(const std::string&)> on_decided) {
  if (decision != Decision::approve && reason.empty()) {
    message_ = {"Напишете причина", "Write a reason"};
    return;
  }
  forms::Json body{{"status", decision_status(decision)}};
  if (!reason.empty()) body["reason"] = {{"bg", reason}};
  busy_ = true;
  server_.send(
      post_request("/api/v1/operator/submissions/" + id_ + "/decision", body.dump(), token),
      [this, on_decided = std::move(on_decided)](const HttpResponse& response) {
        busy_ = false;
        const auto answer = forms::Json::parse(response.body, nullptr, false);
        if (response.status != 200 || !answer.is_object()) {
          message_ = problem_message(response);
          return;
        }
        status_ = answer.value("status", status_);
        message_ = {};
        on_decided(status_);
      });
}

void SubmissionReview::load_audit(const std::string& token) {
  audit_.clear();
  fetch_audit_page(token, 0);
  server_.send(get_request("/api/v1/operator/audit/verify", token),
               [this](const HttpResponse& response) {
                 const auto body = forms::Json::parse(response.body, nullptr, false);
                 if (response.status != 200 || !body.is_object()) {
                   chain_ = {ChainState::Kind::unavailable};
                   return;
                 }
                 const bool valid = body.value("valid", false);
                 chain_ = {valid ? ChainState::Kind::valid : ChainState::Kind::broken,
                           body.value("count", 0LL), body.value("broken_at", 0LL)};
               });
}

void SubmissionReview::fetch_audit_page(const std::string& token, long long after) {
  std::string path = "/api/v1/operator/audit?after=";
  path += std::to_string(after);
  path += "&limit=";
  path += std::to_string(kAuditPage);
  server_.send(get_request(path, token), [this, token](const HttpResponse& response) {
    audit_forbidden_ = response.status == 403;
    const auto body = forms::Json::parse(response.body, nullptr, false);
    if (response.status != 200 || !body.is_object()) return;
    const auto entries = body.value("entries", forms::Json::array());
    long long last = 0;
    for (const auto& entry : entries) {
      last = entry.value("seq", 0LL);
      if (entry.value("subject", "") != id_) continue;
      audit_.push_back(
          {last, entry.value("at", ""), entry.value("actor", ""), entry.value("action", "")});
    }
    if (entries.size() == static_cast<size_t>(kAuditPage)) fetch_audit_page(token, last);
  });
}

void SubmissionReview::close() {
  id_.clear();
  status_.clear();
  answers_ = forms::Json();
  server_report_ = forms::Json();
  local_report_.reset();
  audit_.clear();
  chain_ = {};
  audit_forbidden_ = false;
  message_ = {};
}

}  // namespace civic::kiosk
