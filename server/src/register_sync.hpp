// register_sync.hpp — keeps a replica's published profile in step with the registers stored
// in the shared database, imported through any replica.
//
// A thread reads Storage::registers_version once per `interval`; when it moved, the stored
// registers are loaded into the ProfileStore, so every replica publishes the same bundle
// (and ETag) within one interval of an import. Used only on PostgreSQL: on SQLite one
// process is the only importer.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "profile_store.hpp"
#include "storage.hpp"

namespace civic::server {

class RegisterSync {
 public:
  RegisterSync(Storage& storage, ProfileStore& profiles, std::chrono::milliseconds interval);
  ~RegisterSync();  // stops the thread
  RegisterSync(const RegisterSync&) = delete;
  RegisterSync& operator=(const RegisterSync&) = delete;

 private:
  void check();  // one look at the version; reloads when it moved
  void run();

  Storage& storage_;
  ProfileStore& profiles_;
  std::chrono::milliseconds interval_;
  std::int64_t seen_ = -1;  // the version loaded last (-1: none yet)
  bool failing_ = false;    // the last check failed (logged once per outage)
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace civic::server
