#include <climits>

#include "audit.hpp"
#include "civic/api.hpp"
#include "civic/register_import.hpp"
#include "civic/submission.hpp"
#include "decisions.hpp"
#include "log.hpp"
#include "operator_access.hpp"
#include "payments/payment_routes.hpp"
#include "problem.hpp"
#include "random.hpp"
#include "routes.hpp"
#include "signing/signature_routes.hpp"
#include "submissions.hpp"

namespace civic::server {

namespace {

constexpr std::size_t kMaxName = 64;

using Request = httplib::Request;
using Response = httplib::Response;

void storage_unavailable(Response& response, const Error& error) {
  send_storage_unavailable(response, "The change could not be stored", {error});
}

int int_param(const Request& request, const char* name, int fallback, int min, int max) {
  const std::string text = request.get_param_value(name);
  if (text.empty()) return fallback;
  try {
    return std::clamp(std::stoi(text), min, max);
  } catch (const std::exception&) {
    return fallback;
  }
}

void bad_request(Response& response, const std::string& detail, const std::string& path) {
  send_problem(
      response, 400, "bad-request", detail,
      {server_error("api.bad_request", path, "Заявката е неправилна", "The request is not valid")});
}

// A district, form or status name in a query: short, and only letters, digits, '-' and '_'
// (these reach the audit log).
bool is_name(const std::string& text) {
  return !text.empty() && text.size() <= kMaxName &&
         text.find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") ==
             std::string::npos;
}

void login(App& app, const Request& request, Response& response) {
  auto body = read_json_body(request, response, app.config.max_json_depth);
  if (!body) return;
  if (!body->is_object() || !body->value("username", Json()).is_string() ||
      !body->value("password", Json()).is_string()) {
    send_problem(response, 400, "bad-request", "username and password (strings) are required",
                 {server_error("api.bad_request", "", "Въведете потребител и парола",
                               "Enter a user name and a password")});
    return;
  }
  const std::string& username = (*body)["username"].get_ref<const std::string&>();
  const std::string& password = (*body)["password"].get_ref<const std::string&>();
  if (username.size() > kMaxUsername || password.size() > kMaxPassword) {
    send_problem(response, 400, "bad-request", "The user name or the password is too long",
                 {server_error("operator.too_long", "", "Потребителят или паролата са твърде дълги",
                               "The user name or the password is too long")});
    return;
  }
  const auto result = app.auth->login(username, password, request.remote_addr);
  using Outcome = LoginResult::Outcome;
  if (result.outcome == Outcome::ok || result.outcome == Outcome::refused) {
    (void)app.storage->audit(audit_entry(result.audit_name,
                                         result.outcome == Outcome::ok ? "login" : "login_refused",
                                         result.audit_name));
  }
  switch (result.outcome) {
    case Outcome::ok:
      send_json(response, 200,
                {{"token", result.token},
                 {"expires_at", utc_timestamp(result.expires_at)},
                 {"username", result.op->username},
                 {"role", result.op->role},
                 {"districts", result.op->districts}});
      return;
    case Outcome::refused:
      // Wrong, unknown and locked alike: the answer tells nobody who exists.
      send_problem(response, 401, "bad-credentials",
                   "Wrong user name or password, or too many failed attempts from here",
                   {server_error("operator.bad_credentials", "",
                                 "Грешен потребител или парола, или твърде много неуспешни "
                                 "опити; опитайте по-късно",
                                 "Wrong user name or password, or too many failed attempts; "
                                 "try again later")});
      return;
    case Outcome::busy:
      app.metrics.count("login_busy");
      response.set_header("Retry-After", "1");
      send_problem(response, 503, "busy", "Too many logins at once; try again in a moment",
                   {server_error("operator.busy", "", "Сървърът е зает; опитайте след малко",
                                 "The server is busy; please try again in a moment")});
      return;
    case Outcome::failed: send_storage_unavailable(response, "Try again"); return;
  }
}

Json queue_item(const SubmissionRecord& row) {
  return Json{
      {"submission_id", row.id},
      {"form", {{"id", row.form_id}, {"version", Json::parse(row.form_version, nullptr, false)}}},
      {"district", row.district},
      {"status", row.status},
      {"received_at", row.received_at},
      {"updated_at", row.updated_at},
      {"corrects", row.corrects.empty() ? Json() : Json(row.corrects)},
      {"corrected_by", row.corrected_by.empty() ? Json() : Json(row.corrected_by)}};
}

void queue(App& app, const Request& request, Response& response) {
  auto op = signed_in(app, request, response);
  if (!op) return;
  QueueFilter filter;
  const std::string district = request.get_param_value("district");
  filter.status = request.get_param_value("status");
  filter.form_id = request.get_param_value("form");
  filter.after = request.get_param_value("after");
  for (const std::string* name :
       std::initializer_list<const std::string*>{&district, &filter.status, &filter.form_id}) {
    if (!name->empty() && !is_name(*name)) {
      return bad_request(response, "district, status and form are short names", "");
    }
  }
  if (filter.after.size() > 2 * kMaxName) return bad_request(response, "after is too long", "");
  if (!district.empty()) {
    if (!Auth::may_access(*op, district)) return forbidden(response, "Not your district");
    filter.districts = {district};
  } else if (!Auth::is_admin(*op)) {
    filter.districts = op->districts;
    if (filter.districts.empty()) return forbidden(response, "No district assigned");
  }
  filter.limit = int_param(request, "limit", 50, 1, 500);
  const auto rows = app.storage->queue(filter);
  Json items = Json::array();
  for (const auto& row : rows) items.push_back(queue_item(row));
  Json body{{"items", items}, {"next", nullptr}};
  if (static_cast<int>(rows.size()) == filter.limit) {
    body["next"] = rows.back().received_at + "|" + rows.back().id;
  }
  (void)app.storage->audit(audit_entry(op->username, "queue", district,
                                       {{"status", filter.status}, {"count", rows.size()}}));
  send_json(response, 200, body);
}

void open_submission(App& app, const Request& request, Response& response) {
  auto op = signed_in(app, request, response);
  if (!op) return;
  auto record = accessible_submission(app, *op, request, response);
  if (!record) return;
  auto opened = opened_submission(app, *record, response);
  if (!opened) return;
  const auto audited = app.storage->audit(audit_entry(op->username, "open", record->id));
  if (!audited) return storage_unavailable(response, audited.error());
  Json body = queue_item(*record);
  body["answers"] = opened->answers;
  body["report"] = forms::to_json(*opened->form, opened->report);
  body["decision"] = record->decision.empty() ? Json() : Json::parse(record->decision);
  const auto payment = PaymentStorage(*app.storage).latest(record->id);
  body["payment"] = payment ? payment_json(*payment, unix_now()) : Json();
  const auto signature = SignatureStorage(*app.storage).of_submission(record->id);
  body["signature"] = signature ? signed_with_json(*signature) : Json();
  send_json(response, 200, body);
}

// POST .../decision {"status", "reason"?}: the transitions and reasons of decisions.hpp. The
// status the operator saw is the one replaced: a decision taken meanwhile by someone else
// wins, and this one is refused (409 operator.decision_conflict) rather than overwriting it.
void decide(App& app, const Request& request, Response& response) {
  auto op = signed_in(app, request, response);
  if (!op) return;
  auto body = read_json_body(request, response, app.config.max_json_depth);
  if (!body) return;
  auto record = accessible_submission(app, *op, request, response);
  if (!record) return;
  const Json status_value = body->is_object() ? body->value("status", Json()) : Json();
  const std::string status = status_value.is_string() ? status_value.get<std::string>() : "";
  const Json reason = body->is_object() ? body->value("reason", Json()) : Json();
  if (auto refused = check_transition(record->status, status, Auth::is_admin(*op))) {
    send_problem(response, refused->status, "bad-decision", refused->error.message.en,
                 {refused->error});
    return;
  }
  if (reason.is_null() ? needs_reason(status) : !is_reason(reason)) {
    send_problem(response, 422, "bad-decision",
                 "a rejection, a correction or a reopening needs a reason {\"bg\"?, \"en\"?} "
                 "of at most 2000 bytes each",
                 {server_error("operator.bad_reason", "/reason",
                               "Напишете причината (на български, английски или и двата)",
                               "Write the reason (in Bulgarian, English or both)")});
    return;
  }
  Json decision_json = Json::object();
  if (!reason.is_null()) decision_json["reason"] = reason;
  if (body->contains("missing")) {
    const auto form = app.profiles->current()->profile->form(record->form_id);
    const auto missing = status == "needs_correction" && form
                             ? missing_fields((*body)["missing"], *form)
                             : std::nullopt;
    if (!missing) {
      send_problem(
          response, 422, "bad-decision",
          "missing names 1-20 distinct top-level fields of the submission's form, and "
          "only when asking for a correction",
          {server_error("operator.bad_missing", "/missing",
                        "Посочете какво липсва: полета от формуляра, при искане на корекция",
                        "Name what is missing: fields of the form, when asking for a "
                        "correction")});
      return;
    }
    decision_json["missing"] = *missing;
  }
  const std::string at = utc_timestamp(unix_now());
  const std::string decision = decision_json.empty() ? "" : api::dump(decision_json);
  const std::string action = status == kReopened ? "reopen" : "decide";
  const auto taken = app.storage->decide(
      {record->id, record->status, status, decision, at},
      audit_entry(op->username, action, record->id,
                  {{"from", record->status},
                   {"status", status},
                   {"reason_hash", decision.empty() ? "" : hash_hex(decision)}}));
  if (!taken) return storage_unavailable(response, taken.error());
  if (!*taken) {
    send_problem(response, 409, "decision-conflict", "Another decision was taken meanwhile",
                 {server_error("operator.decision_conflict", "/status",
                               "Междувременно е взето друго решение – прегледайте заявлението "
                               "отново",
                               "Another decision was taken meanwhile – look at the submission "
                               "again")});
    return;
  }
  send_json(response, 200, {{"submission_id", record->id}, {"status", status}, {"updated_at", at}});
}

void import_register(App& app, const Request& request, Response& response) {
  auto op = signed_in(app, request, response);
  if (!op) return;
  const std::string district = request.matches[1];
  if (!Auth::may_access(*op, district)) return forbidden(response, "Not your district");
  if (!is_name(district)) return bad_request(response, "No such district", "");
  if (!has_media_type(request, "text/csv")) {
    send_problem(
        response, 415, "unsupported-media-type", "The body must be text/csv",
        {server_error("http.media_type", "", "Очаква се CSV файл", "A CSV file expected")});
    return;
  }
  const auto report = address::import_csv(district, request.body);
  const Json report_json = address::report_to_json(report);
  if (!report.ok()) {
    send_problem(response, 422, "register-refused", "The register has errors", report.errors,
                 {{"report", report_json}});
    return;
  }
  const auto errors = app.profiles->replace_register(district, request.body);
  if (!errors.empty()) {
    send_problem(response, 422, "register-refused", "The profile does not load with this register",
                 errors);
    return;
  }
  const auto stored = app.storage->put_register(
      district, request.body,
      audit_entry(
          op->username, "register_import", district,
          {{"rows", report.rows}, {"accepted", report.accepted}, {"sha", hash_hex(request.body)}}));
  if (!stored) return storage_unavailable(response, stored.error());
  log_event("info", "register_imported", {{"district", district}, {"rows", report.accepted}});
  send_json(response, 200, {{"district", district}, {"report", report_json}});
}

bool admin_only(App& app, const Request& request, Response& response) {
  auto op = signed_in(app, request, response);
  if (!op) return false;
  if (!Auth::is_admin(*op)) {
    forbidden(response, "Administrators only");
    return false;
  }
  return true;
}

void logout(App& app, const Request& request, Response& response) {
  app.auth->logout(request);
  response.status = 204;
}

void audit_page(App& app, const Request& request, Response& response) {
  if (!admin_only(app, request, response)) return;
  const int limit = int_param(request, "limit", 100, 1, 1000);
  const int after = int_param(request, "after", 0, 0, INT_MAX);  // 0: from the first entry
  Json entries = Json::array();
  for (const auto& row : app.storage->audit_log(after, limit)) {
    entries.push_back(audit::to_json(row));
  }
  send_json(response, 200, {{"entries", entries}});
}

void audit_verify(App& app, const Request& request, Response& response) {
  if (!admin_only(app, request, response)) return;
  send_json(response, 200, audit::to_json(audit::verify(app.storage->audit_log(0, INT_MAX))));
}

}  // namespace

void add_operator_routes(Router& router, App& app) {
  // Operator answers carry opened personal data and tokens: never kept by any cache.
  const auto bind = [&app](void (*handler)(App&, const Request&, Response&)) {
    return [&app, handler](const Request& request, Response& response) {
      response.set_header("Cache-Control", "no-store");
      handler(app, request, response);
    };
  };
  router.add("POST", "/api/v1/operator/login", bind(login));
  router.add("POST", "/api/v1/operator/logout", bind(logout));
  router.add("GET", "/api/v1/operator/queue", bind(queue));
  router.add("GET", "/api/v1/operator/submissions/{id}", bind(open_submission));
  router.add("POST", "/api/v1/operator/submissions/{id}/decision", bind(decide));
  router.add("POST", "/api/v1/operator/districts/{district}/register", bind(import_register));
  router.add("GET", "/api/v1/operator/audit", bind(audit_page));
  router.add("GET", "/api/v1/operator/audit/verify", bind(audit_verify));
}

}  // namespace civic::server
