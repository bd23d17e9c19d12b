// operator_access.hpp — what operator and admin routes share: who is signed in, refusals,
// and the audit entry of an action.
#pragma once

#include <httplib.h>

#include <initializer_list>
#include <optional>
#include <string>

#include "app.hpp"
#include "civic/submission.hpp"

namespace civic::server {

// The operator the request's token belongs to, or nullopt after answering 401.
std::optional<Operator> signed_in(App& app, const httplib::Request& request,
                                  httplib::Response& response);
// The signed-in operator if its role is one of `roles`, or nullopt after answering 401/403.
std::optional<Operator> signed_in_as(App& app, const httplib::Request& request,
                                     httplib::Response& response,
                                     std::initializer_list<const char*> roles);
// 403 operator.forbidden.
void forbidden(httplib::Response& response, const std::string& detail);
// The submission of the path's {id} (request.matches[1]) when `op` may see it (its district,
// or an admin); otherwise nullopt after answering 404 submission.not_found or 403
// operator.wrong_district (audited as open_refused).
std::optional<SubmissionRecord> accessible_submission(App& app, const Operator& op,
                                                      const httplib::Request& request,
                                                      httplib::Response& response);
// `record`'s stored envelope opened with the server's key against the current profile, or
// nullopt after answering 500 (a rotated key, a form replaced by a new version).
std::optional<submission::Opened> opened_submission(App& app, const SubmissionRecord& record,
                                                    httplib::Response& response);
// An audit entry stamped now.
AuditEntry audit_entry(const std::string& actor, const std::string& action,
                       const std::string& subject, Json details = Json::object());

}  // namespace civic::server
