// limits.hpp — what a request may cost: JSON bodies (type, depth) and a per-client rate.
// The body size limit is httplib's payload_max_length (413 before any handler runs).
#pragma once

#include <httplib.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

namespace civic::server {

// Whether the request's Content-Type is exactly `type` (case-insensitive, parameters such
// as "; charset=utf-8" allowed): "application/jsonx" is not "application/json".
bool has_media_type(const httplib::Request& request, std::string_view type);

// The request's JSON body, or nullopt after answering 415 (not application/json) or 400 (not
// JSON, nested deeper than `max_depth`, or ambiguous: a BOM or a repeated member name).
std::optional<nlohmann::ordered_json> read_json_body(const httplib::Request& request,
                                                     httplib::Response& response, int max_depth);

// Token buckets per client address: `rate` requests per second, bursts of 2·rate.
class RateLimiter {
 public:
  explicit RateLimiter(double rate) : rate_(rate) {}
  bool enabled() const { return rate_ > 0; }
  // false when `client` has no token left at `now` (seconds, monotonic).
  bool allow(const std::string& client, double now);

 private:
  struct Bucket {
    double tokens;
    double at;
  };
  double rate_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace civic::server
