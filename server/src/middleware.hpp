// middleware.hpp — what every response gets: security headers, the per-client rate limit,
// problem+json for httplib's own errors (404, 413, …), metrics and request logs.
#pragma once

#include <httplib.h>

#include <functional>

#include "app.hpp"

namespace civic::server {

void install_middleware(httplib::Server& server, App& app);

// The answer to a request the HTTP front end refused before routing (400, 408, 413, 414,
// 431, 501, 503, 505): problem+json with the security headers, counted and logged.
std::function<void(httplib::Response&)> refusal_handler(App& app);

// Static files from `dir` at "/", with MIME types for wasm, ES modules and the web manifest,
// and cache headers: hashed file names immutable, everything else revalidated.
void serve_static(httplib::Server& server, const std::filesystem::path& dir);

}  // namespace civic::server
