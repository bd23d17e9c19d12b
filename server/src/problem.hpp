// problem.hpp — errors over HTTP as application/problem+json (RFC 9457):
//   {"type","title","status","detail","errors":[core Error JSON...]} (+ extra members)
// Titles and details are English; each core error carries its message in bg and en.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "civic/result.hpp"

namespace civic::server {

// Sets `response` to the problem. `type` is a short slug: "about:blank" when empty, else
// "https://civickit.example/problems/<type>".
void send_problem(httplib::Response& response, int status, const std::string& type,
                  const std::string& detail, const std::vector<Error>& errors = {},
                  const nlohmann::ordered_json& extra = nlohmann::ordered_json::object());

// 503 storage-unavailable with `Retry-After: 1`: the database failed or cannot be reached
// (for a moment, as when PostgreSQL restarts), nothing was written, a retry may succeed.
void send_storage_unavailable(httplib::Response& response, const std::string& detail,
                              const std::vector<Error>& errors = {});

// Sets `response` to a JSON body.
void send_json(httplib::Response& response, int status, const nlohmann::ordered_json& body);

// One core error from the server itself (code, en and bg message).
Error server_error(std::string code, std::string path, std::string bg, std::string en);

}  // namespace civic::server
