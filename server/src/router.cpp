#include "router.hpp"

#include <chrono>

namespace civic::server {

namespace {

thread_local std::string current_route;
thread_local std::chrono::steady_clock::time_point started;
thread_local bool running = false;

// "/a/{id}/b.tar" → "/a/([^/]+)/b\.tar"
std::string to_pattern(const std::string& path) {
  std::string pattern;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::size_t close = path[i] == '{' ? path.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      if (path[i] == '.') pattern.push_back('\\');
      pattern.push_back(path[i]);
    } else {
      pattern.append("([^/]+)");
      i = close;
    }
  }
  return pattern;
}

}  // namespace

void Router::add(const std::string& method, const std::string& path, Handler handler) {
  routes_.push_back({method, path});
  auto wrapped = [path, handler = std::move(handler)](const httplib::Request& request,
                                                      httplib::Response& response) {
    RequestClock::set_route(path);
    handler(request, response);
  };
  const std::string pattern = to_pattern(path);
  if (method == "GET") {
    server_.Get(pattern, wrapped);
  } else if (method == "POST") {
    server_.Post(pattern, wrapped);
  } else if (method == "PUT") {
    server_.Put(pattern, wrapped);
  } else if (method == "DELETE") {
    server_.Delete(pattern, wrapped);
  }
}

void RequestClock::start() {
  current_route.clear();
  started = std::chrono::steady_clock::now();
  running = true;
}

void RequestClock::finish() {
  current_route.clear();
  running = false;
}

void RequestClock::set_route(const std::string& route) { current_route = route; }

const std::string& RequestClock::route() { return current_route; }

double RequestClock::elapsed_seconds() {
  if (!running) return 0;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace civic::server
