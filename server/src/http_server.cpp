#include "http_server.hpp"

#include <csignal>
#include <thread>

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
  httplib::Server server;
  const int threads = app.config.threads;
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  server.set_payload_max_length(app.config.max_body);
  server.set_keep_alive_max_count(1000);
  server.set_read_timeout(10);
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
  std::thread watcher([&server] {
    while (stop_requested == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server.stop();
  });
  log_event("info", "listening",
            {{"url", "http://" + app.config.host + ":" + std::to_string(port)},
             {"port", port},
             {"profile", app.profiles->current()->profile->version()},
             {"web", app.config.web ? app.config.web->string() : ""}});
  const bool listened = server.listen_after_bind();
  stop_requested = 1;
  watcher.join();
  log_event("info", "stopped");
  return listened ? 0 : 1;
}

}  // namespace civic::server
