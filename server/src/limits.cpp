#include "limits.hpp"

#include <algorithm>
#include <cctype>

#include "problem.hpp"

namespace civic::server {

int json_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

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
  if (json_depth(request.body) > max_depth) {
    send_problem(response, 400, "too-deep", "The JSON body is nested too deeply",
                 {server_error("http.json_depth", "", "Заявката е твърде дълбоко вложена",
                               "The request is nested too deeply")});
    return std::nullopt;
  }
  auto body = nlohmann::ordered_json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    send_problem(response, 400, "bad-json", "The body is not valid JSON",
                 {server_error("http.bad_json", "", "Заявката не е валиден JSON",
                               "The request is not valid JSON")});
    return std::nullopt;
  }
  return body;
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
