#include "middleware.hpp"

#include <chrono>

#include "log.hpp"
#include "problem.hpp"
#include "router.hpp"
#include "storage.hpp"

namespace civic::server {

namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// "app.3f2a9b1c.js": a middle name part of 8 or more hex digits marks a revisioned file.
bool is_hashed(const std::string& path) {
  const std::string name = path.substr(path.rfind('/') + 1);
  std::size_t start = name.find('.');
  while (start != std::string::npos) {
    const std::size_t end = name.find('.', start + 1);
    if (end == std::string::npos) return false;
    const std::string part = name.substr(start + 1, end - start - 1);
    if (part.size() >= 8 && part.find_first_not_of("0123456789abcdef") == std::string::npos) {
      return true;
    }
    start = end;
  }
  return false;
}

struct HttpFailure {
  const char* type;
  const char* detail;
  const char* code;
  const char* bg;
  const char* en;
};

// httplib's own refusals (no handler wrote a body), each with its own stable code.
HttpFailure http_failure(int status) {
  switch (status) {
    case 400:
      return {"bad-request", "The request is malformed", "http.bad_request",
              "Заявката е неправилна", "The request is malformed"};
    case 413:
      return {"too-large", "The body is larger than the server accepts", "http.too_large",
              "Заявката е твърде голяма", "The request is too large"};
    case 414:
      return {"uri-too-long", "The request target is too long", "http.uri_too_long",
              "Адресът на заявката е твърде дълъг", "The request address is too long"};
    case 404:
      return {"", "No such resource", "http.not_found", "Няма такъв ресурс",
              "There is no such resource"};
    case 408:
      return {"timeout", "The request did not arrive in time", "http.timeout",
              "Заявката не пристигна навреме", "The request did not arrive in time"};
    case 431:
      return {"header-too-large", "The request head is too large or has too many fields",
              "http.header_too_large", "Заглавната част на заявката е твърде голяма",
              "The request headers are too large"};
    case 501:
      return {"transfer-coding", "Only the chunked transfer coding is accepted",
              "http.transfer_coding", "Неподдържано кодиране на заявката",
              "The request's transfer coding is not supported"};
    case 503:
      return {"busy", "Too many connections; try again in a moment", "http.busy",
              "Сървърът е зает; опитайте след малко",
              "The server is busy; please try again in a moment"};
    case 505:
      return {"http-version", "Only HTTP/1.1 and HTTP/1.0 are served", "http.version",
              "Неподдържана версия на HTTP", "The HTTP version is not supported"};
    default:
      return {"", "The request could not be answered", "http.failed",
              "Заявката не може да бъде изпълнена", "The request could not be answered"};
  }
}

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

const httplib::Headers& security_headers() {
  static const httplib::Headers kHeaders = {{"Content-Security-Policy", kContentSecurityPolicy},
                                            {"X-Content-Type-Options", "nosniff"},
                                            {"X-Frame-Options", "DENY"},
                                            {"Referrer-Policy", "no-referrer"},
                                            {"Cross-Origin-Opener-Policy", "same-origin"}};
  return kHeaders;
}

}  // namespace

std::function<void(httplib::Response&)> refusal_handler(App& app) {
  return [&app](httplib::Response& response) {
    for (const auto& [name, value] : security_headers()) response.set_header(name, value);
    const HttpFailure failure = http_failure(response.status);
    send_problem(response, response.status, failure.type, failure.detail,
                 {server_error(failure.code, "", failure.bg, failure.en)});
    app.metrics.record("other", "other", response.status, 0);
    log_event("info", "request_refused", {{"status", response.status}, {"code", failure.code}});
  };
}

void install_middleware(httplib::Server& server, App& app) {
  server.set_default_headers(security_headers());
  server.set_pre_routing_handler(
      [&app](const httplib::Request& request, httplib::Response& response) {
        RequestClock::start();
        if (!app.limiter->allow(request.remote_addr, monotonic_seconds())) {
          response.set_header("Retry-After", "1");
          send_problem(
              response, 429, "rate-limited", "Too many requests from this address",
              {server_error("http.rate_limited", "", "Твърде много заявки; опитайте след малко",
                            "Too many requests; please try again in a moment")});
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;  // a handler's own problem
    const HttpFailure failure = http_failure(response.status);
    send_problem(response, response.status, failure.type, failure.detail,
                 {server_error(failure.code, "", failure.bg, failure.en)});
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr thrown) {
        try {
          std::rethrow_exception(thrown);
        } catch (const StorageError& failure) {
          log_event("error", "storage_unavailable", {{"detail", failure.what()}});
          send_storage_unavailable(response, "The data could not be read; try again");
        } catch (...) {
          log_event("error", "handler_exception");
          send_problem(response, 500, "", "The server failed to answer");
        }
      });
  server.set_logger([&app](const httplib::Request& request, const httplib::Response& response) {
    const std::string& route = RequestClock::route().empty() ? "other" : RequestClock::route();
    const double seconds = RequestClock::elapsed_seconds();
    app.metrics.record(request.method, route, response.status, seconds);
    RequestClock::finish();
    if (response.status >= 400) {
      log_event(response.status >= 500 ? "error" : "info", "request",
                {{"method", Metrics::method_label(request.method)},
                 {"route", route},
                 {"status", response.status},
                 {"ms", seconds * 1000}});
    }
  });
}

void serve_static(httplib::Server& server, const std::filesystem::path& dir) {
  server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  server.set_file_extension_and_mimetype_mapping("js", "text/javascript");
  server.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");
  server.set_file_extension_and_mimetype_mapping("json", "application/json");
  server.set_file_extension_and_mimetype_mapping("svg", "image/svg+xml");
  server.set_mount_point("/", dir.string());
  server.set_file_request_handler([](const httplib::Request& request, httplib::Response& response) {
    const bool hashed = is_hashed(request.path);
    response.set_header("Cache-Control",
                        hashed ? "public, max-age=31536000, immutable" : "no-cache");
  });
}

}  // namespace civic::server
