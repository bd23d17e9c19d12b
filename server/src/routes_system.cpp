#include "problem.hpp"
#include "routes.hpp"

namespace civic::server {

void add_system_routes(Router& router, App& app) {
  router.add("GET", "/healthz", [](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, {{"status", "ok"}});
  });
  router.add("GET", "/metrics", [&app](const httplib::Request&, httplib::Response& response) {
    response.set_content(app.metrics.render(), "text/plain; version=0.0.4");
  });
}

}  // namespace civic::server
