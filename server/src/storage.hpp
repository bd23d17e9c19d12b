// storage.hpp — everything civic-server keeps, behind one interface.
//
// SqliteStorage (sqlite_storage.hpp) is the implementation for one machine; a PostgreSQL
// one would implement the same interface for several stateless servers. Every write has
// been committed durably when its call returns: the HTTP layer answers 2xx only after.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "civic/result.hpp"

namespace civic::server {

using Json = nlohmann::ordered_json;

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
};

// The outcome of storing under an idempotency key (a UNIQUE constraint decides).
struct Stored {
  enum class Outcome { created, existing, conflict } outcome;
  std::string receipt;  // the receipt stored under the key (the new one when created)
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
  std::string status;    // received | approved | rejected | needs_correction
  std::string decision;  // JSON text of {"reason":{"bg","en"}} or ""
  std::string updated_at;
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
  int failed_logins = 0;
  std::int64_t locked_until = 0;  // unix seconds
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

  virtual Result<Unit> put_operator(const Operator& op) = 0;
  virtual std::optional<Operator> find_operator(const std::string& username) = 0;
  virtual Result<Unit> record_login(const std::string& username, int failed_logins,
                                    std::int64_t locked_until) = 0;
  virtual Result<Unit> put_token(const std::string& token_hash, const std::string& username,
                                 std::int64_t expires_at) = 0;
  virtual std::optional<std::string> token_owner(const std::string& token_hash,
                                                 std::int64_t now) = 0;
  virtual Result<Unit> drop_token(const std::string& token_hash) = 0;

  // Imported register CSVs per district (the import and its audit entry in one transaction).
  virtual Result<Unit> put_register(const std::string& district, const std::string& csv,
                                    const AuditEntry& entry) = 0;
  virtual std::vector<std::pair<std::string, std::string>> registers() = 0;
};

}  // namespace civic::server
