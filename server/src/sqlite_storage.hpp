// sqlite_storage.hpp — Storage on one SQLite file (WAL, synchronous=FULL).
//
// Submissions go through a group commit: request threads queue their rows, one writer
// thread inserts everything queued in one transaction, COMMITs (one fsync for the batch)
// and only then wakes the waiting threads. Nothing is acknowledged before its COMMIT has
// returned. Exactly-once is the UNIQUE constraint on idempotency_key: an insert that hits
// it (INSERT … ON CONFLICT DO NOTHING) reads the stored row instead.
#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "sqlite.hpp"
#include "storage.hpp"

namespace civic::server {

class SqliteStorage final : public Storage {
 public:
  // Opens (creating) DIR/civic.sqlite3 and migrates it. Throws SqliteError.
  explicit SqliteStorage(const std::filesystem::path& data_dir);
  ~SqliteStorage() override;  // drains the queued submissions, then closes

  Result<Stored> store_submission(const NewSubmission& submission) override;
  std::optional<Stored> find_by_key(const std::string& idempotency_key,
                                    const std::string& content_hash) override;
  std::optional<SubmissionRecord> submission(const std::string& id) override;
  std::vector<SubmissionRecord> queue(const QueueFilter& filter) override;

  Result<bool> decide(const Decision& decision, const AuditEntry& entry) override;
  Result<Unit> audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> audit_log(std::int64_t after_seq, int limit) override;

  Result<Unit> put_operator(const Operator& op) override;
  std::optional<Operator> find_operator(const std::string& username) override;
  Result<bool> count_failed_login(const LoginLock& lock) override;
  bool login_locked(const LoginLock& lock) override;
  Result<Unit> clear_failed_logins(const LoginLock& lock) override;
  Result<Unit> unlock_operator(const std::string& username) override;
  Result<Unit> put_token(const std::string& token_hash, const std::string& username,
                         std::int64_t expires_at) override;
  std::optional<std::string> token_owner(const std::string& token_hash, std::int64_t now) override;
  Result<Unit> drop_token(const std::string& token_hash) override;

  Result<Unit> put_register(const std::string& district, const std::string& csv,
                            const AuditEntry& entry) override;
  std::vector<std::pair<std::string, std::string>> registers() override;
  std::int64_t registers_version() override;

  Result<bool> transact(const SqlWork& work, const std::optional<AuditEntry>& entry) override;
  void read(const SqlRead& work) override;

 private:
  struct Pending {
    const NewSubmission* submission;
    std::promise<Result<Stored>> done;
  };

  class ReaderLease;
  std::unique_ptr<Db> open_connection() const;
  ReaderLease reader();
  void writer_loop();
  // Runs `work` in a write transaction; storage.failed when SQLite fails.
  template <typename Work>
  Result<Unit> write(Work&& work);
  // Inside a write transaction; returns the entry's seq.
  std::int64_t append_audit(const AuditEntry& entry);

  std::string path_;
  std::unique_ptr<Db> writer_;
  std::mutex write_mutex_;

  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Db>> readers_;

  std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  std::thread writer_thread_;
};

}  // namespace civic::server
