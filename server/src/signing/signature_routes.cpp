#include "signing/signature_routes.hpp"

#include "audit.hpp"
#include "limits.hpp"
#include "log.hpp"
#include "problem.hpp"
#include "random.hpp"
#include "signing/development_provider.hpp"
#include "signing/sealed_text.hpp"

namespace civic::server {

namespace {

using httplib::Request;
using httplib::Response;

bool is_expired(const SigningRecord& request, const std::string& now) {
  return request.state == "pending" && request.expires_at <= now;
}

bool is_content_hash(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

void refuse_signing(Response& response, int status, const char* code, const char* bg,
                    const char* en) {
  send_problem(response, status, "signature-refused", en, {server_error(code, "", bg, en)});
}

void unknown_request(Response& response) {
  refuse_signing(response, 404, "signature.unknown", "Няма такова искане за подпис",
                 "There is no such signing request");
}

AuditEntry provider_entry(const std::string& at, const std::string& action,
                          const SigningRecord& request) {
  return AuditEntry{0,      at,         "signing-provider",
                    action, request.id, {{"fingerprint", request.fingerprint}},
                    "",     ""};
}

void start_request(App& app, const Request& request, Response& response) {
  if (!app.signing) {
    return refuse_signing(
        response, 503, "signature.unavailable",
        "Онлайн подписването не е налично; ще подпишете декларацията в районната "
        "администрация",
        "Online signing is not available; you will sign the declaration at the district "
        "administration");
  }
  const auto body = read_json_body(request, response, app.config.max_json_depth);
  if (!body) return;
  const std::string hash =
      body->is_object() && body->contains("content_hash") && (*body)["content_hash"].is_string()
          ? (*body)["content_hash"].get<std::string>()
          : std::string();
  if (!is_content_hash(hash)) {
    return send_problem(response, 422, "signature-refused", "The content hash is not valid",
                        {server_error("signature.bad_hash", "/content_hash",
                                      "Очакват се 64 шестнадесетични цифри (content_hash на плика)",
                                      "64 hexadecimal digits expected (the envelope's "
                                      "content_hash)")});
  }
  const std::int64_t now = app.clock();
  SigningRecord record{new_code(reference::Kind::status),
                       hash,
                       "pending",
                       "",
                       "",
                       utc_timestamp(now),
                       utc_timestamp(now + std::int64_t{kSigningMinutes} * 60),
                       utc_timestamp(now),
                       "",
                       "",
                       "",
                       "",
                       "",
                       "",
                       ""};
  auto started = app.signing->start({record.id, hash, record.expires_at});
  if (!started) {
    return send_problem(response, 503, "", "The signing provider failed", {started.error()});
  }
  record.confirm_url = started->confirm_url;
  record.short_code = started->short_code;
  const AuditEntry entry{0,         record.created_at, "citizen", "signature_requested",
                         record.id, Json::object(),    "",        ""};
  const auto stored = SignatureStorage(*app.storage).put(record, entry);
  if (!stored) {
    return send_storage_unavailable(response, "The signing request could not be stored",
                                    {stored.error()});
  }
  app.metrics.count("signature_requested");
  response.set_header("Cache-Control", "no-store");
  send_json(response, 201, signing_json(record, now));
}

// The provider's news, however it arrived (a callback, a status query, the development
// "phone"): verified here, whatever the provider said.
void apply_event(App& app, const SigningEvent& event, Response& response) {
  SignatureStorage storage(*app.storage);
  const auto request = storage.find(event.request_id);
  if (!request) return unknown_request(response);
  const std::string now = utc_timestamp(app.clock());
  if (is_expired(*request, now)) {
    return refuse_signing(response, 409, "signature.expired", "Искането за подпис е изтекло",
                          "The signing request has expired");
  }
  SigningRecord outcome = *request;
  outcome.state = event.outcome;
  if (event.outcome == "signed") {
    auto verified =
        app.signing->verify(request->content_hash, event.signature, event.certificate, now);
    if (!verified) {
      app.metrics.count("signature_refused");
      log_event("warn", "signature_not_verified",
                {{"request", request->id}, {"code", verified.error().code}});
      return send_problem(response, 422, "signature-refused", verified.error().message.en,
                          {verified.error()});
    }
    outcome.signature = event.signature;
    outcome.sealed_certificate = seal_text(event.certificate, app.keys.envelope_public);
    outcome.subject = verified->subject;
    outcome.serial = verified->serial;
    outcome.issuer = verified->issuer;
    outcome.fingerprint = verified->fingerprint;
  }
  const auto settled = storage.settle(
      outcome, now, provider_entry(now, std::string("signature_").append(event.outcome), outcome));
  if (!settled) {
    return send_storage_unavailable(response, "The signature could not be recorded",
                                    {settled.error()});
  }
  app.metrics.count(*settled ? "signature_settled" : "signature_callback_repeated");
  const auto current = storage.find(request->id);
  Json body = signing_json(current ? *current : *request, app.clock());
  body["counted"] = *settled;
  send_json(response, 200, body);
}

void show_request(App& app, const Request& request, Response& response) {
  response.set_header("Cache-Control", "no-store");
  SignatureStorage storage(*app.storage);
  auto record = storage.find(request.matches[1]);
  if (!record) return unknown_request(response);
  if (app.signing && record->state == "pending" &&
      !is_expired(*record, utc_timestamp(app.clock()))) {
    if (auto news = app.signing->status(record->id); news && *news) {
      Response applied;
      apply_event(app, **news, applied);
      record = storage.find(record->id);
    }
  }
  send_json(response, 200, signing_json(*record, app.clock()));
}

void receive_callback(App& app, const Request& request, Response& response) {
  auto event = app.signing ? app.signing->read_callback(
                                 request.body, request.get_header_value("X-Signing-Signature"))
                           : Result<SigningEvent>(Error{"signature.unavailable", "", {"", ""}, {}});
  if (!event) {
    app.metrics.count("signature_callback_refused");
    log_event("warn", "signature_callback_refused", {{"code", event.error().code}});
    const bool forged = event.error().code == "signature.bad_callback_signature";
    return send_problem(response, forged ? 401 : 400, "signature-callback-refused",
                        event.error().message.en, {event.error()});
  }
  apply_event(app, *event, response);
}

// The development provider's "phone": the request's code and hash, whose phone it is, and
// two buttons; either makes the authenticated callback a real provider would send.
void add_development_phone(Router& router, App& app, DevelopmentSigningProvider& phone) {
  router.add("GET", "/dev/sign/{id}", [&app](const Request& request, Response& response) {
    const auto record = SignatureStorage(*app.storage).find(request.matches[1]);
    if (!record) return unknown_request(response);
    response.set_header("Cache-Control", "no-store");
    response.set_content(
        std::string("<!doctype html><html lang=\"bg\"><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width\">"
                    "<title>Development signing phone</title><main><h1>Тестов телефон за подпис / "
                    "Development signing phone</h1><p>Never used for real declarations. Само за "
                    "разработка.</p><p>Код / Code: <strong id=\"code\">")
            .append(record->short_code)
            .append("</strong></p><p>Декларация / Declaration: <code id=\"hash\">")
            .append(record->content_hash)
            .append("</code></p><form method=\"post\"><p><label for=\"name\">Име в сертификата / "
                    "Name on the certificate</label><br><input id=\"name\" name=\"name\" "
                    "autocomplete=\"name\"></p><p><label for=\"personal_number\">ЕГН или ЛНЧ на "
                    "притежателя / Owner's EGN or LNCh</label><br><input id=\"personal_number\" "
                    "name=\"personal_number\" inputmode=\"numeric\"></p><button "
                    "name=\"outcome\" value=\"signed\" id=\"confirm\">Подпиши / Confirm</button> "
                    "<button name=\"outcome\" value=\"refused\" id=\"refuse\">Откажи / "
                    "Refuse</button></form></main></html>"),
        "text/html; charset=utf-8");
  });
  router.add("POST", "/dev/sign/{id}", [&app, &phone](const Request& request, Response& response) {
    const auto record = SignatureStorage(*app.storage).find(request.matches[1]);
    if (!record) return unknown_request(response);
    const bool confirmed = request.get_param_value("outcome") == "signed";
    const SigningEvent event =
        confirmed ? phone.confirm(record->id, record->content_hash, request.get_param_value("name"),
                                  request.get_param_value("personal_number"), app.clock())
                  : phone.refuse(record->id);
    const std::string body = phone.callback_body(event);
    Response answered;
    const auto callback = phone.read_callback(body, phone.mac(body));
    if (callback) apply_event(app, *callback, answered);
    const auto now = SignatureStorage(*app.storage).find(record->id);
    const std::string state =
        now ? signing_json(*now, app.clock())["state"].get<std::string>() : std::string("unknown");
    response.set_content(
        std::string("<!doctype html><html lang=\"bg\"><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width\">"
                    "<title>Development signing phone</title><main><h1>Тестов телефон / "
                    "Development phone</h1><p>Състояние / State: <strong id=\"state\">")
            .append(state)
            .append(
                "</strong></p><p>Върнете се в браузъра. Return to the browser.</p></main></html>"),
        "text/html; charset=utf-8");
  });
}

}  // namespace

Json signed_with_json(const SigningRecord& request) {
  return Json{{"subject", request.subject},
              {"serial", request.serial},
              {"issuer", request.issuer},
              {"fingerprint", request.fingerprint}};
}

Json signing_json(const SigningRecord& request, std::int64_t now) {
  const bool expired = is_expired(request, utc_timestamp(now));
  Json body{{"request", request.id},
            {"state", expired ? "expired" : request.state},
            {"short_code", request.short_code},
            {"confirm_url", request.confirm_url},
            {"expires_at", request.expires_at},
            {"updated_at", request.updated_at}};
  if (!request.fingerprint.empty()) body["signed_with"] = signed_with_json(request);
  return body;
}

void add_signature_routes(Router& router, App& app) {
  router.add("POST", "/api/v1/signatures", [&app](const Request& request, Response& response) {
    start_request(app, request, response);
  });
  router.add("POST", "/api/v1/signatures/callback",
             [&app](const Request& request, Response& response) {
               receive_callback(app, request, response);
             });
  router.add("GET", "/api/v1/signatures/{id}", [&app](const Request& request, Response& response) {
    show_request(app, request, response);
  });
  if (auto* phone = dynamic_cast<DevelopmentSigningProvider*>(app.signing.get())) {
    add_development_phone(router, app, *phone);
  }
}

}  // namespace civic::server
