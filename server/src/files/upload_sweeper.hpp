// upload_sweeper.hpp — deletes uploads never sent with a submission.
//
// An upload still unattached kUnattachedUploadDays after it was made is deleted with its
// chunks: once when the sweeper starts (before the server listens), then once per
// `interval` on a thread of its own. A sweep that fails (the database away) is logged and
// tried again at the next interval; several replicas sweeping at once delete each upload once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "clock.hpp"
#include "storage.hpp"

namespace civic::server {

class UploadSweeper {
 public:
  UploadSweeper(Storage& storage, Clock now, std::chrono::milliseconds interval);
  ~UploadSweeper();  // stops the thread
  UploadSweeper(const UploadSweeper&) = delete;
  UploadSweeper& operator=(const UploadSweeper&) = delete;

 private:
  void sweep();
  void run();

  Storage& storage_;
  Clock now_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace civic::server
