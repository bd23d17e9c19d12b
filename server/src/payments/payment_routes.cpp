#include "payment_routes.hpp"

#include <cmath>

#include "audit.hpp"
#include "civic/submission.hpp"
#include "development_provider.hpp"
#include "log.hpp"
#include "payments/payment_storage.hpp"
#include "problem.hpp"
#include "random.hpp"
#include "submissions.hpp"

namespace civic::server {

namespace {

using httplib::Request;
using httplib::Response;

constexpr const char* kAwaiting = "awaiting_payment";

bool is_expired(const Payment& payment, const std::string& now) {
  return payment.state == kAwaiting && payment.expires_at <= now;
}

std::string euros(std::int64_t cents) {
  const std::string fraction = std::to_string(100 + cents % 100).substr(1);
  return std::to_string(cents / 100).append(".").append(fraction);
}

// A computed fee (a JSON number in euro, docs/forms.md: 2.56 or 3) → cents; nullopt when it
// is no positive amount of at most two decimals.
std::optional<std::int64_t> fee_cents(const Json& fee) {
  if (!fee.is_number()) return std::nullopt;
  const double cents = fee.get<double>() * 100;
  const std::int64_t whole = std::llround(cents);
  if (whole <= 0 || std::abs(cents - static_cast<double>(whole)) > 1e-6) return std::nullopt;
  return whole;
}

void send_payment(Response& response, int status, const Payment& payment) {
  send_json(response, status, payment_json(payment, unix_now()));
}

void refuse(Response& response, int status, const char* code, const char* bg, const char* en) {
  send_problem(response, status, "payment-refused", en, {server_error(code, "", bg, en)});
}

// The form's computed fee of the stored submission, in cents.
std::optional<std::int64_t> submission_fee(App& app, const SubmissionRecord& record) {
  const auto published = app.profiles->current();
  auto opened = submission::open(*published->profile, Json::parse(record.envelope),
                                 app.keys.envelope_secret, server_today(app.config));
  if (!opened || !opened->report.computed.contains("fee")) return std::nullopt;
  return fee_cents(opened->report.computed["fee"]);
}

void request_payment(App& app, const Request& request, Response& response) {
  const auto record = citizen_submission(app, request, response);
  if (!record) return;
  if (!app.payments) {
    return refuse(response, 503, "payment.unavailable",
                  "Таксата още не може да се плати онлайн; платете я в районната администрация",
                  "The fee cannot be paid online yet; pay it at the district administration");
  }
  const std::string now = utc_timestamp(unix_now());
  if (auto latest = PaymentStorage(*app.storage).latest(record->id)) {
    if (latest->state == "paid" || (latest->state == kAwaiting && !is_expired(*latest, now))) {
      return send_payment(response, 200, *latest);
    }
  }
  const auto cents = submission_fee(app, *record);
  if (!cents) {
    return refuse(response, 409, "payment.no_fee", "За това заявление не се дължи такса",
                  "No fee is due for this submission");
  }
  const auto published = app.profiles->current();
  const auto form = published->profile->form(record->form_id);
  Payment payment{new_code(reference::Kind::submission),
                  record->id,
                  *cents,
                  kAwaiting,
                  "",
                  "",
                  now,
                  utc_timestamp(unix_now() + std::int64_t{kPaymentHours} * 3600),
                  now};
  auto created = app.payments->create({payment.id, record->id, *cents,
                                       form ? forms::form_title(*form).bg : record->form_id,
                                       payment.expires_at});
  if (!created)
    return send_problem(response, 503, "", "The payment provider failed", {created.error()});
  payment.pay_url = created->pay_url;
  const AuditEntry entry{
      0,          now,
      "citizen",  "payment_requested",
      record->id, {{"payment", payment.id}, {"amount_cents", payment.amount_cents}},
      "",         ""};
  const auto stored = PaymentStorage(*app.storage).put(payment, entry);
  if (!stored)
    return send_storage_unavailable(response, "The payment could not be stored", {stored.error()});
  app.metrics.count("payment_requested");
  send_payment(response, 201, payment);
}

void show_payment(App& app, const Request& request, Response& response) {
  const auto record = citizen_submission(app, request, response);
  if (!record) return;
  const auto latest = PaymentStorage(*app.storage).latest(record->id);
  if (!latest && !submission_fee(app, *record)) {
    return refuse(response, 409, "payment.no_fee", "За това заявление не се дължи такса",
                  "No fee is due for this submission");
  }
  if (!latest) {
    return refuse(response, 404, "payment.none", "Няма искане за плащане",
                  "There is no payment request");
  }
  send_payment(response, 200, *latest);
}

// The provider's news, however it arrived (the HTTP callback, or the development "bank").
void settle(App& app, const std::string& body, const std::string& signature, Response& response) {
  auto event = app.payments ? app.payments->read_callback(body, signature)
                            : Result<PaymentEvent>(Error{"payment.unavailable", "", {"", ""}, {}});
  if (!event) {
    app.metrics.count("payment_callback_refused");
    const bool forged = event.error().code == "payment.bad_signature";
    log_event("warn", "payment_callback_refused", {{"code", event.error().code}});
    return send_problem(response, forged ? 401 : 400, "payment-callback-refused",
                        event.error().message.en, {event.error()});
  }
  const auto payment = PaymentStorage(*app.storage).find(event->payment_id);
  if (!payment) {
    return refuse(response, 404, "payment.unknown", "Няма такова искане за плащане",
                  "There is no such payment request");
  }
  if (event->amount_cents != payment->amount_cents) {
    log_event("warn", "payment_amount_mismatch", {{"payment", payment->id}});
    return refuse(response, 409, "payment.amount_mismatch", "Платената сума не е таксата",
                  "The amount paid is not the fee");
  }
  const std::string now = utc_timestamp(unix_now());
  if (is_expired(*payment, now)) {
    return refuse(response, 409, "payment.expired", "Искането за плащане е изтекло",
                  "The payment request has expired");
  }
  const AuditEntry entry{0,
                         now,
                         "payment-provider",
                         std::string("payment_").append(event->outcome),
                         payment->submission_id,
                         {{"payment", payment->id}, {"amount_cents", payment->amount_cents}},
                         "",
                         ""};
  const auto settled = PaymentStorage(*app.storage)
                           .settle(payment->id, event->outcome, event->transaction, now, entry);
  if (!settled)
    return send_storage_unavailable(response, "The payment could not be settled",
                                    {settled.error()});
  app.metrics.count(*settled ? "payment_settled" : "payment_callback_repeated");
  const auto current = PaymentStorage(*app.storage).find(payment->id);
  Json body_json = payment_json(current ? *current : *payment, unix_now());
  body_json["counted"] = *settled;
  send_json(response, 200, body_json);
}

// The development provider's "bank": a page with two buttons; each makes the signed callback
// a real provider would send and hands it to settle(), then returns to the citizen's status.
void add_development_bank(Router& router, App& app, DevelopmentPaymentProvider& bank) {
  router.add("GET", "/dev/pay/{id}", [&app](const Request& request, Response& response) {
    const auto payment = PaymentStorage(*app.storage).find(request.matches[1]);
    if (!payment)
      return refuse(response, 404, "payment.unknown", "Няма такова плащане", "No such payment");
    const std::string amount = euros(payment->amount_cents);
    response.set_content(
        std::string("<!doctype html><html lang=\"bg\"><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width\">"
                    "<title>Development bank</title><main><h1>Development bank / Тестова банка</h1>"
                    "<p>Never used for real fees. Само за разработка.</p><p>Payment ")
            .append(payment->id)
            .append(": <strong id=\"amount\">")
            .append(amount)
            .append(" €</strong></p><form method=\"post\"><button name=\"outcome\" "
                    "value=\"paid\" id=\"pay\">Pay / Платете</button> <button name=\"outcome\" "
                    "value=\"failed\" id=\"fail\">Fail / Откажете</button></form></main></html>"),
        "text/html; charset=utf-8");
  });
  router.add("POST", "/dev/pay/{id}", [&app, &bank](const Request& request, Response& response) {
    const auto payment = PaymentStorage(*app.storage).find(request.matches[1]);
    if (!payment)
      return refuse(response, 404, "payment.unknown", "Няма такова плащане", "No such payment");
    const std::string outcome = request.get_param_value("outcome") == "paid" ? "paid" : "failed";
    const std::string body = bank.callback_body(
        {payment->id, std::string("dev-").append(random_hex(8)), outcome, payment->amount_cents});
    Response settled;
    settle(app, body, bank.sign(body), settled);
    response.status = 303;
    response.set_header("Location", std::string("/#/status/").append(payment->submission_id));
  });
}

}  // namespace

Json payment_json(const Payment& payment, std::int64_t now) {
  const bool expired = is_expired(payment, utc_timestamp(now));
  return Json{{"payment_id", payment.id},
              {"amount_eur", euros(payment.amount_cents)},
              {"state", expired ? "expired" : payment.state},
              {"pay_url", payment.pay_url},
              {"expires_at", payment.expires_at},
              {"updated_at", payment.updated_at}};
}

void add_payment_routes(Router& router, App& app) {
  router.add("POST", "/api/v1/submissions/{id}/payment",
             [&app](const Request& request, Response& response) {
               request_payment(app, request, response);
             });
  router.add(
      "GET", "/api/v1/submissions/{id}/payment",
      [&app](const Request& request, Response& response) { show_payment(app, request, response); });
  router.add("POST", "/api/v1/payments/callback",
             [&app](const Request& request, Response& response) {
               settle(app, request.body, request.get_header_value("X-Payment-Signature"), response);
             });
  if (auto* bank = dynamic_cast<DevelopmentPaymentProvider*>(app.payments.get())) {
    add_development_bank(router, app, *bank);
  }
}

}  // namespace civic::server
