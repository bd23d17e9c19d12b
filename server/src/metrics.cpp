#include "metrics.hpp"

#include <sstream>

namespace civic::server {

namespace {

// A label value in the exposition format: backslash, quote and newline escaped.
std::string escaped(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string Metrics::method_label(const std::string& method) {
  for (const char* known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return method;
  }
  return "other";
}

void Metrics::record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  const std::lock_guard lock(mutex_);
  ++requests_[{method_label(method), route, status}];
  Latency& latency = latencies_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++latency.buckets[i];
  }
  ++latency.count;
  latency.sum += seconds;
}

void Metrics::count(const std::string& event) {
  const std::lock_guard lock(mutex_);
  ++events_[event];
}

std::string Metrics::render() const {
  const std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP civic_http_requests_total HTTP requests answered.\n"
      << "# TYPE civic_http_requests_total counter\n";
  for (const auto& [key, value] : requests_) {
    const auto& [method, route, status] = key;
    out << "civic_http_requests_total{method=\"" << escaped(method) << "\",route=\""
        << escaped(route) << "\",status=\"" << status << "\"} " << value << '\n';
  }
  out << "# HELP civic_http_request_duration_seconds Time to answer a request.\n"
      << "# TYPE civic_http_request_duration_seconds histogram\n";
  for (const auto& [route, latency] : latencies_) {
    const std::string labels = "route=\"" + escaped(route) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "civic_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i]
          << "\"} " << latency.buckets[i] << '\n';
    }
    out << "civic_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
        << latency.count << '\n'
        << "civic_http_request_duration_seconds_sum{" << labels << "} " << latency.sum << '\n'
        << "civic_http_request_duration_seconds_count{" << labels << "} " << latency.count << '\n';
  }
  out << "# HELP civic_events_total Application events.\n"
      << "# TYPE civic_events_total counter\n";
  for (const auto& [event, value] : events_) {
    out << "civic_events_total{event=\"" << escaped(event) << "\"} " << value << '\n';
  }
  return out.str();
}

}  // namespace civic::server
