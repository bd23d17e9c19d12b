// postgres_storage.hpp — Storage on PostgreSQL, for several stateless civic-server replicas
// over one database.
//
// Every decision is the database's, so replicas need no coordination of their own:
//   - exactly-once: the UNIQUE constraint on idempotency_key (INSERT … ON CONFLICT DO
//     NOTHING); a replica that loses the race reads the winner's row, receipt included;
//   - decisions: UPDATE … WHERE status = from_status, so of two replicas deciding at once
//     one updates the row and the other, which waited for its lock, finds the status gone;
//   - the audit chain: each append takes a transaction-scoped advisory lock
//     (pg_locks::kAuditChain) before reading the last entry, so appends from every replica
//     are serialised and the chain never forks; seq is the primary key as a second guard;
//   - lockouts and tokens: rows, counted in one statement as in SQLite.
// Each call runs on a pooled connection in autocommit or one transaction; synchronous_commit
// (on by default) makes a COMMIT durable before the call returns.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pg.hpp"
#include "storage.hpp"

namespace civic::server {

class PostgresStorage final : public Storage {
 public:
  // Connects to `url`, migrates the schema, and keeps up to `max_connections` connections
  // open. Throws PgError (or SchemaTooNew) when it cannot.
  PostgresStorage(std::string url, int max_connections);

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
  class Lease;
  Lease connection();  // an idle pooled connection, a new one, or waits for one
  // Runs `work` in one transaction; storage.failed when PostgreSQL fails.
  template <typename Work>
  Result<Unit> write(Work&& work);
  Result<Stored> store_linked(const NewSubmission& submission);

  std::string url_;
  int max_connections_;
  std::mutex pool_mutex_;
  std::condition_variable pool_freed_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;  // connections leased or idle
};

}  // namespace civic::server
