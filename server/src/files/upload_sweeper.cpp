#include "files/upload_sweeper.hpp"

#include "files/upload_policy.hpp"
#include "files/upload_storage.hpp"
#include "log.hpp"
#include "random.hpp"

namespace civic::server {

UploadSweeper::UploadSweeper(Storage& storage, Clock now, std::chrono::milliseconds interval)
    : storage_(storage), now_(std::move(now)), interval_(interval) {
  sweep();
  thread_ = std::thread([this] { run(); });
}

UploadSweeper::~UploadSweeper() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void UploadSweeper::sweep() {
  constexpr std::int64_t kDaySeconds = 24 * 60 * 60;
  const std::string cutoff = utc_timestamp(now_() - kUnattachedUploadDays * kDaySeconds);
  try {
    const auto deleted = UploadStorage(storage_).sweep(cutoff);
    if (!deleted) {
      log_event("warning", "upload_sweep_failed", {{"code", deleted.error().code}});
    } else if (*deleted > 0) {
      log_event("info", "uploads_swept", {{"count", *deleted}});
    }
  } catch (const StorageError&) {
    log_event("warning", "upload_sweep_failed");
  }
}

void UploadSweeper::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    sweep();
    lock.lock();
  }
}

}  // namespace civic::server
