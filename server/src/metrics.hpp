// metrics.hpp — request counts and latencies in the Prometheus text format (/metrics).
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace civic::server {

class Metrics {
 public:
  // One answered request: `route` is the route template ("/api/v1/submissions/{id}"), or
  // "other" (static files, unknown paths, requests refused before routing). The method
  // label is one of a fixed set, else "other": a client cannot add series.
  void record(const std::string& method, const std::string& route, int status, double seconds);
  // A labelled event counter (civic_events_total{event="submission_created"}).
  void count(const std::string& event);
  std::string render() const;
  static std::string method_label(const std::string& method);

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  0.5,  1.0};
  struct Latency {
    std::array<long, kBuckets.size()> buckets{};
    long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, long> requests_;
  std::map<std::string, Latency> latencies_;
  std::map<std::string, long> events_;
};

}  // namespace civic::server
