// storage.hpp — everything civic-server keeps, behind one interface.
//
// SqliteStorage (sqlite_storage.hpp) is the implementation for one machine; PostgresStorage
// (postgres/postgres_storage.hpp) the one for several stateless servers over one database.
// Every write has been committed durably when its call returns: the HTTP layer answers 2xx
// only after. Writes report a failure as a `storage.failed` Error; reads (which return plain
// values) throw StorageError, which the HTTP layer answers with 503 and a Retry-After.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "civic/result.hpp"
#include "sql_runner.hpp"

namespace civic::server {

using Json = nlohmann::ordered_json;

// The database failed or cannot be reached (disk full, connection lost, server restarting).
// Nothing was written by the call that threw; a retry may succeed.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct NewSubmission {
  std::string id;
  std::string idempotency_key;
  std::string content_hash;
  std::string form_id;
  std::string form_version;  // JSON text of the envelope's form version
  std::string district;      // the queue; "" when the form names none
  std::string envelope;      // JSON text, personal data still sealed
  std::string receipt;       // JSON text
  std::string received_at;
  // The submission this one corrects ("" for none). It is stored only while that one still
  // needs correction and has the same form; that one then becomes "corrected", in the same
  // transaction.
  std::string corrects;
  // The uploads its file answers name (files/upload_storage.hpp), each once. They are attached
  // to it in the transaction that stores it, if each is still unattached; otherwise nothing
  // is stored.
  std::vector<std::string> uploads;
};

// The outcome of storing under an idempotency key (a UNIQUE constraint decides).
struct Stored {
  // not_correctable: NewSubmission::corrects no longer needs correction (nothing stored).
  // uploads_unavailable: an upload of NewSubmission::uploads is gone (swept) or attached to
  // another submission (nothing stored).
  // signature_used: its signing request signed another submission meanwhile (nothing stored;
  // signing/signature_storage.hpp).
  enum class Outcome {
    created,
    existing,
    conflict,
    not_correctable,
    uploads_unavailable,
    signature_used
  } outcome;
  std::string receipt;   // the receipt stored under the key (the new one when created)
  std::string envelope;  // the envelope stored under the key (JSON text)
};

struct SubmissionRecord {
  std::string id;
  std::string content_hash;
  std::string form_id;
  std::string form_version;
  std::string district;
  std::string envelope;
  std::string receipt;
  std::string received_at;
  std::string status;    // received | approved | rejected | needs_correction | corrected
  std::string decision;  // JSON text of {"reason":{"bg","en"}, "missing"?:[...]} or ""
  std::string updated_at;
  std::string corrects;      // the submission this one corrects, or ""
  std::string corrected_by;  // the submission that corrects this one, or ""
};

struct QueueFilter {
  std::vector<std::string> districts;  // empty: every district (admins)
  std::string status;                  // "" for any
  std::string form_id;                 // "" for any
  std::string after;                   // paging cursor: the last received_at|id seen
  int limit = 50;
};

struct Operator {
  std::string username;
  std::string password_hash;  // crypto_pwhash_str
  std::string role;           // operator | admin
  std::vector<std::string> districts;
};

// Failed logins of one account from one client address (see Storage::count_failed_login).
struct LoginLock {
  std::string username;
  std::string client;             // the client's address (an IPv6 client's /64 prefix)
  int max_failures = 5;           // failures in a row that lock
  std::int64_t now = 0;           // unix seconds
  std::int64_t lock_seconds = 0;  // how long a lock lasts
};

// One audited action; the storage fills in seq, prev_hash and hash.
struct AuditEntry {
  std::int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::string subject;
  Json details = Json::object();
  std::string prev_hash;
  std::string hash;
};

struct Decision {
  std::string submission_id;
  std::string from_status;  // taken only if the submission still has this status
  std::string status;
  std::string decision;  // JSON text
  std::string at;
};

class Storage {
 public:
  virtual ~Storage() = default;

  // Stores the submission unless its idempotency key is already taken (then the stored
  // receipt, and whether the content hash matches). Durable on return.
  virtual Result<Stored> store_submission(const NewSubmission& submission) = 0;
  virtual std::optional<Stored> find_by_key(const std::string& idempotency_key,
                                            const std::string& content_hash) = 0;
  virtual std::optional<SubmissionRecord> submission(const std::string& id) = 0;
  virtual std::vector<SubmissionRecord> queue(const QueueFilter& filter) = 0;

  // The decision and its audit entry, in one transaction, if the submission's status is still
  // decision.from_status (true); otherwise nothing is written (false): another decision came
  // first.
  virtual Result<bool> decide(const Decision& decision, const AuditEntry& entry) = 0;
  virtual Result<Unit> audit(const AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> audit_log(std::int64_t after_seq, int limit) = 0;

  // Creates the operator, or replaces its password, role and districts; a replaced
  // operator's tokens are revoked and its failed logins forgotten (one transaction).
  virtual Result<Unit> put_operator(const Operator& op) = 0;
  virtual std::optional<Operator> find_operator(const std::string& username) = 0;

  // Lockout, per account and client address, counted in one statement so that parallel
  // failures never lose a count: the `max_failures`-th failure in a row locks the pair for
  // `lock_seconds`. Returns whether the pair is locked after this failure.
  virtual Result<bool> count_failed_login(const LoginLock& lock) = 0;
  // Whether the pair is locked at `lock.now`.
  virtual bool login_locked(const LoginLock& lock) = 0;
  // A successful login: the pair's count starts again.
  virtual Result<Unit> clear_failed_logins(const LoginLock& lock) = 0;
  // Lifts every lock of an account (civic-server operator unlock).
  virtual Result<Unit> unlock_operator(const std::string& username) = 0;
  virtual Result<Unit> put_token(const std::string& token_hash, const std::string& username,
                                 std::int64_t expires_at) = 0;
  virtual std::optional<std::string> token_owner(const std::string& token_hash,
                                                 std::int64_t now) = 0;
  virtual Result<Unit> drop_token(const std::string& token_hash) = 0;

  // Imported register CSVs per district (the import and its audit entry in one transaction).
  virtual Result<Unit> put_register(const std::string& district, const std::string& csv,
                                    const AuditEntry& entry) = 0;
  virtual std::vector<std::pair<std::string, std::string>> registers() = 0;
  // The audit seq of the latest register import (0: none yet): it moves with every import,
  // through whichever server, and is cheap to read (register_sync.hpp polls it).
  virtual std::int64_t registers_version() = 0;

  // The vote records (elections/vote_storage.hpp), written once for both backends: `work`
  // runs in one write transaction, which also appends `entry` to the audit chain when
  // given; the transaction commits only when `work` returns true (the result says which).
  virtual Result<bool> transact(const SqlWork& work, const std::optional<AuditEntry>& entry) = 0;
  // `work` on a read connection; throws StorageError.
  virtual void read(const SqlRead& work) = 0;
};

// The `storage.failed` Error a write returns when the database fails; `failure` (which may
// name internal hosts) is logged, not returned.
Error storage_failed(const std::exception& failure);

}  // namespace civic::server
