#include "thread_pool.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace civic::cli {

namespace {

// "<label> done/count" rewritten in place at most once per percent.
class ProgressLine {
 public:
  ProgressLine(const std::string& label, std::size_t count)
      : label_(label), count_(count), shown_(isatty(STDERR_FILENO) == 1 && count > 1) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() {
    if (shown_ && printed_) std::fprintf(stderr, "\r\033[K");
  }

  void update(std::size_t done) {
    if (!shown_) return;
    const std::size_t percent = done * 100 / count_;
    const std::lock_guard<std::mutex> lock(mutex_);
    if (printed_ && percent <= percent_) return;
    percent_ = percent;
    printed_ = true;
    std::fprintf(stderr, "\r%s %zu/%zu", label_.c_str(), done, count_);
    std::fflush(stderr);
  }

 private:
  const std::string& label_;
  const std::size_t count_;
  const bool shown_;
  std::mutex mutex_;
  bool printed_ = false;
  std::size_t percent_ = 0;
};

}  // namespace

vote::ForEach threaded_for_each(unsigned jobs, std::string label) {
  return [jobs, label = std::move(label)](std::size_t count,
                                          const std::function<void(std::size_t)>& piece) {
    ProgressLine progress(label, count);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    const auto work = [&] {
      for (std::size_t i = next++; i < count; i = next++) {
        piece(i);
        progress.update(++done);
      }
    };
    std::vector<std::thread> helpers;
    const std::size_t threads = std::min<std::size_t>(std::max(jobs, 1U), count);
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (std::thread& helper : helpers) helper.join();
  };
}

unsigned default_jobs() { return std::max(std::thread::hardware_concurrency(), 1U); }

}  // namespace civic::cli
