#include "http_server.hpp"

#include <atomic>
#include <csignal>
#include <thread>

#include "http/strict_server.hpp"
#include "log.hpp"
#include "middleware.hpp"
#include "routes.hpp"

namespace civic::server {

namespace {

volatile std::sig_atomic_t stop_requested = 0;

extern "C" void on_stop_signal(int) { stop_requested = 1; }

}  // namespace

std::vector<RouteInfo> served_routes() {
  httplib::Server server;
  App app;
  Router router(server);
  add_all_routes(router, app);
  return router.routes();
}

int serve(App& app) {
  http::HttpLimits limits;
  limits.max_body = app.config.max_body;
  limits.max_connections = app.config.max_connections;
  limits.max_handling = app.config.threads;
  limits.head_timeout = std::chrono::milliseconds(app.config.head_timeout_ms);
  http::StrictServer server(limits, refusal_handler(app));
  server.set_keep_alive_max_count(static_cast<std::size_t>(limits.max_requests));
  server.set_tcp_nodelay(true);  // small answers leave at once (no Nagle + delayed-ACK stall)
  install_middleware(server, app);
  Router router(server);
  add_all_routes(router, app);
  if (app.config.web) serve_static(server, *app.config.web);

  const int port =
      app.config.port == 0
          ? server.bind_to_any_port(app.config.host)
          : (server.bind_to_port(app.config.host, app.config.port) ? app.config.port : -1);
  if (port < 0) {
    log_event("error", "bind_failed", {{"host", app.config.host}, {"port", app.config.port}});
    return 1;
  }
  std::signal(SIGTERM, on_stop_signal);
  std::signal(SIGINT, on_stop_signal);
  std::atomic<bool> listen_returned = false;
  std::thread watcher([&server, &listen_returned] {
    while (stop_requested == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // stop() does nothing until listen_after_bind has started (a signal right after the
    // "listening" line): repeat it until listening has ended.
    while (!listen_returned) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  log_event("info", "listening",
            {{"url", "http://" + app.config.host + ":" + std::to_string(port)},
             {"port", port},
             {"profile", app.profiles->current()->profile->version()},
             {"web", app.config.web ? app.config.web->string() : ""}});
  const bool listened = server.listen_after_bind();
  listen_returned = true;
  stop_requested = 1;
  watcher.join();
  log_event("info", "stopped");
  return listened ? 0 : 1;
}

}  // namespace civic::server
