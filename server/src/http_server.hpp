// http_server.hpp — civic-server's HTTP side: routes, middleware, static files, listening
// until SIGTERM/SIGINT (then in-flight requests finish before it returns).
#pragma once

#include <httplib.h>

#include <vector>

#include "app.hpp"
#include "router.hpp"

namespace civic::server {

// The routes a server serves (for --print-routes and the API description test).
std::vector<RouteInfo> served_routes();

// Serves until a stop signal; returns the process exit code.
int serve(App& app);

}  // namespace civic::server
