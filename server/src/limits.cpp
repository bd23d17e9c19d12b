#include "limits.hpp"

#include <algorithm>
#include <cctype>

#include "civic/strict_json.hpp"
#include "problem.hpp"

namespace civic::server {

bool has_media_type(const httplib::Request& request, std::string_view type) {
  const std::string header = request.get_header_value("Content-Type");
  std::string_view value(header);
  value = value.substr(0, value.find(';'));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  return value.size() == type.size() &&
         std::equal(value.begin(), value.end(), type.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

std::optional<nlohmann::ordered_json> read_json_body(const httplib::Request& request,
                                                     httplib::Response& response, int max_depth) {
  if (!has_media_type(request, "application/json")) {
    send_problem(response, 415, "unsupported-media-type", "The body must be application/json",
                 {server_error("http.media_type", "", "Заявката трябва да е JSON",
                               "The request must be JSON")});
    return std::nullopt;
  }
  // Strict, as the core reads its requests: a BOM or a repeated member name would mean
  // different things to different readers (json.bom, json.duplicate_key).
  auto body = parse_strict_json(request.body, static_cast<std::size_t>(max_depth));
  if (body) return std::move(body).value();
  const std::string& code = body.error().code;
  if (code == "json.too_deep") {
    send_problem(response, 400, "too-deep", "The JSON body is nested too deeply",
                 {server_error("http.json_depth", "", "Заявката е твърде дълбоко вложена",
                               "The request is nested too deeply")});
  } else if (code == "json.syntax") {
    send_problem(response, 400, "bad-json", "The body is not valid JSON",
                 {server_error("http.bad_json", "", "Заявката не е валиден JSON",
                               "The request is not valid JSON")});
  } else {
    send_problem(response, 400, "ambiguous-json",
                 "The body means different things to different readers", {body.error()});
  }
  return std::nullopt;
}

bool RateLimiter::allow(const std::string& client, double now) {
  if (!enabled()) return true;
  const std::lock_guard lock(mutex_);
  auto [bucket, added] = buckets_.try_emplace(client, Bucket{2 * rate_, now});
  Bucket& b = bucket->second;
  b.tokens = std::min(2 * rate_, b.tokens + (now - b.at) * rate_);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  if (buckets_.size() > 100000) buckets_.clear();  // bounded memory under address churn
  return true;
}

}  // namespace civic::server
