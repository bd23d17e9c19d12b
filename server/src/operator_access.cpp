#include "operator_access.hpp"

#include <algorithm>

#include "problem.hpp"
#include "random.hpp"
#include "submissions.hpp"

namespace civic::server {

std::optional<Operator> signed_in(App& app, const httplib::Request& request,
                                  httplib::Response& response) {
  auto op = app.auth->authenticate(request);
  if (!op) {
    response.set_header("WWW-Authenticate", "Bearer");
    send_problem(
        response, 401, "unauthorized", "Sign in first",
        {server_error("operator.unauthorized", "", "Влезте в системата", "Please sign in")});
  }
  return op;
}

std::optional<Operator> signed_in_as(App& app, const httplib::Request& request,
                                     httplib::Response& response,
                                     std::initializer_list<const char*> roles) {
  auto op = signed_in(app, request, response);
  if (!op) return std::nullopt;
  if (std::find(roles.begin(), roles.end(), op->role) == roles.end()) {
    forbidden(response, "This needs the role " + std::string(*roles.begin()) +
                            (roles.size() > 1 ? " or another one allowed here" : ""));
    return std::nullopt;
  }
  return op;
}

void forbidden(httplib::Response& response, const std::string& detail) {
  send_problem(response, 403, "forbidden", detail,
               {server_error("operator.forbidden", "", "Нямате достъп до това",
                             "You do not have access to this")});
}

std::optional<SubmissionRecord> accessible_submission(App& app, const Operator& op,
                                                      const httplib::Request& request,
                                                      httplib::Response& response) {
  auto record = app.storage->submission(as_stored(reference::Kind::submission, request.matches[1]));
  if (!record) {
    send_problem(response, 404, "not-found", "No such submission",
                 {server_error("submission.not_found", "", "Няма такова заявление",
                               "There is no such submission")});
    return std::nullopt;
  }
  if (!Auth::may_access(op, record->district)) {
    send_problem(response, 403, "forbidden", "The submission belongs to another district",
                 {server_error("operator.wrong_district", "",
                               "Заявлението е на друг район – нямате достъп до него",
                               "The submission belongs to another district – you have no access "
                               "to it")});
    (void)app.storage->audit(audit_entry(op.username, "open_refused", record->id));
    return std::nullopt;
  }
  return record;
}

std::optional<submission::Opened> opened_submission(App& app, const SubmissionRecord& record,
                                                    httplib::Response& response) {
  const auto published = app.profiles->current();
  auto opened = submission::open(*published->profile, Json::parse(record.envelope),
                                 app.keys.envelope_secret, server_today(app.config));
  if (!opened) {
    send_problem(response, 500, "", "The stored envelope no longer opens", {opened.error()});
    return std::nullopt;
  }
  return std::move(opened).value();
}

AuditEntry audit_entry(const std::string& actor, const std::string& action,
                       const std::string& subject, Json details) {
  AuditEntry row;
  row.at = utc_timestamp(unix_now());
  row.actor = actor;
  row.action = action;
  row.subject = subject;
  row.details = std::move(details);
  return row;
}

}  // namespace civic::server
