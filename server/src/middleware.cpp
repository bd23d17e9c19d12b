#include "middleware.hpp"

#include <chrono>
#include <regex>

#include "log.hpp"
#include "problem.hpp"
#include "router.hpp"

namespace civic::server {

namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void install_middleware(httplib::Server& server, App& app) {
  server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cross-Origin-Opener-Policy", "same-origin"}});
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
    const bool too_large = response.status == 413;
    send_problem(response, response.status, too_large ? "too-large" : "",
                 too_large ? "The body is larger than the server accepts" : "No such resource",
                 {too_large ? server_error("http.too_large", "", "Заявката е твърде голяма",
                                           "The request is too large")
                            : server_error("http.not_found", "", "Няма такъв ресурс",
                                           "There is no such resource")});
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        log_event("error", "handler_exception");
        send_problem(response, 500, "", "The server failed to answer");
      });
  server.set_logger([&app](const httplib::Request& request, const httplib::Response& response) {
    const std::string& route = RequestClock::route().empty() ? "other" : RequestClock::route();
    const double seconds = RequestClock::elapsed_seconds();
    app.metrics.record(request.method, route, response.status, seconds);
    if (response.status >= 400) {
      log_event(response.status >= 500 ? "error" : "info", "request",
                {{"method", request.method},
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
    static const std::regex kHashed(R"(\.[0-9a-f]{8,}\.[a-z0-9]+$)");
    const bool hashed = std::regex_search(request.path, kHashed);
    response.set_header("Cache-Control",
                        hashed ? "public, max-age=31536000, immutable" : "no-cache");
  });
}

}  // namespace civic::server
