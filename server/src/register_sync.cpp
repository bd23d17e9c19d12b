#include "register_sync.hpp"

#include "log.hpp"

namespace civic::server {

RegisterSync::RegisterSync(Storage& storage, ProfileStore& profiles,
                           std::chrono::milliseconds interval)
    : storage_(storage), profiles_(profiles), interval_(interval), thread_([this] { run(); }) {}

RegisterSync::~RegisterSync() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void RegisterSync::check() {
  try {
    const std::int64_t version = storage_.registers_version();
    failing_ = false;
    if (version == seen_) return;
    const auto errors = profiles_.sync_registers(storage_.registers());
    if (!errors.empty()) {
      log_event("error", "register_sync_refused", {{"code", errors.front().code}});
      return;
    }
    if (seen_ >= 0) log_event("info", "registers_synced", {{"version", version}});
    seen_ = version;
  } catch (const StorageError&) {
    if (!failing_) log_event("warning", "register_sync_failed");
    failing_ = true;
  }
}

void RegisterSync::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    check();
    lock.lock();
  }
}

}  // namespace civic::server
