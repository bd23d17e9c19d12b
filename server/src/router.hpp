// router.hpp — the served routes, registered with httplib and listed for the API
// description (civic-server --print-routes; server/openapi.yaml must match).
//
// Paths are written as in OpenAPI ("/api/v1/submissions/{id}"); each {param} matches one
// path segment and arrives in request.matches[1…] in order.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <vector>

namespace civic::server {

struct RouteInfo {
  std::string method;  // "GET", "POST", "PUT", "DELETE"
  std::string path;
};

class Router {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  explicit Router(httplib::Server& server) : server_(server) {}
  void add(const std::string& method, const std::string& path, Handler handler);
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  httplib::Server& server_;
  std::vector<RouteInfo> routes_;
};

// The route template being answered on this thread ("" for static files, 404s and requests
// refused before routing), and when its request started: set by the connection, the router
// and the middleware, read for metrics; finish() forgets both once the answer is logged.
struct RequestClock {
  static void start();
  static void finish();
  static void set_route(const std::string& route);
  static const std::string& route();
  static double elapsed_seconds();
};

}  // namespace civic::server
