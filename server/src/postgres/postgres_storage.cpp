#include "postgres_storage.hpp"

#include "audit.hpp"
#include "files/upload_storage.hpp"
#include "pg_locks.hpp"
#include "pg_migrations.hpp"

namespace civic::server {

namespace {

constexpr const char* kSubmissionColumns =
    "id, content_hash, form_id, form_version, district, envelope, receipt, received_at, status, "
    "decision, updated_at, corrects, "
    "COALESCE((SELECT c.id FROM submissions c WHERE c.corrects = submissions.id), '')";

SubmissionRecord read_submission(const PgResult& rows, int row) {
  return SubmissionRecord{rows.text(row, 0), rows.text(row, 1),  rows.text(row, 2),
                          rows.text(row, 3), rows.text(row, 4),  rows.text(row, 5),
                          rows.text(row, 6), rows.text(row, 7),  rows.text(row, 8),
                          rows.text(row, 9), rows.text(row, 10), rows.text(row, 11),
                          rows.text(row, 12)};
}

std::optional<Stored> stored_under(PgConnection& db, const std::string& key,
                                   const std::string& hash) {
  const PgResult row = db.exec(
      "SELECT content_hash, receipt, envelope FROM submissions WHERE idempotency_key = $1", {key});
  if (row.rows() == 0) return std::nullopt;
  const auto outcome =
      row.text(0, 0) == hash ? Stored::Outcome::existing : Stored::Outcome::conflict;
  return Stored{outcome, row.text(0, 1), row.text(0, 2)};
}

// Inside a transaction: the advisory lock makes every replica's appends take turns, and the
// last entry is read only once the lock is held (READ COMMITTED: each statement sees every
// commit before it), so the new entry links to the true end of the chain.
std::int64_t append_audit(PgConnection& db, const AuditEntry& entry) {
  db.exec("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(pg_locks::kAuditChain)});
  AuditEntry row = entry;
  row.seq = 1;
  row.prev_hash = audit::kGenesis;
  const PgResult last = db.exec("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  if (last.rows() > 0) {
    row.seq = last.integer(0, 0) + 1;
    row.prev_hash = last.text(0, 1);
  }
  row.hash = audit::chain_hash(row.prev_hash, row);
  db.exec(
      "INSERT INTO audit (seq, at, actor, action, subject, details, prev_hash, hash) "
      "VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8)",
      {std::to_string(row.seq), row.at, row.actor, row.action, row.subject, row.details.dump(),
       row.prev_hash, row.hash});
  return row.seq;
}

PgResult insert_submission(PgConnection& db, const NewSubmission& s) {
  return db.exec(
      "INSERT INTO submissions (id, idempotency_key, content_hash, form_id, form_version, "
      "district, envelope, receipt, received_at, updated_at, corrects) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) "
      "ON CONFLICT (idempotency_key) DO NOTHING",
      {s.id, s.idempotency_key, s.content_hash, s.form_id, s.form_version, s.district, s.envelope,
       s.receipt, s.received_at, s.corrects});
}

}  // namespace

// A pooled connection, returned to the pool when the lease ends if it is still healthy.
class PostgresStorage::Lease {
 public:
  Lease(PostgresStorage& owner, std::unique_ptr<PgConnection> db)
      : owner_(owner), db_(std::move(db)) {}
  ~Lease() {
    {
      const std::lock_guard lock(owner_.pool_mutex_);
      if (db_->healthy()) {
        owner_.idle_.push_back(std::move(db_));
      } else {
        --owner_.open_;
      }
    }
    owner_.pool_freed_.notify_one();
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  PgConnection& operator*() { return *db_; }
  PgConnection* operator->() { return db_.get(); }

 private:
  PostgresStorage& owner_;
  std::unique_ptr<PgConnection> db_;
};

PostgresStorage::PostgresStorage(std::string url, int max_connections)
    : url_(std::move(url)), max_connections_(max_connections) {
  auto db = connection();
  pg_migrate(*db);
}

PostgresStorage::Lease PostgresStorage::connection() {
  {
    std::unique_lock lock(pool_mutex_);
    pool_freed_.wait(lock, [this] { return !idle_.empty() || open_ < max_connections_; });
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(db));
    }
    ++open_;
  }
  try {
    return Lease(*this, std::make_unique<PgConnection>(url_));
  } catch (const PgError&) {
    {
      const std::lock_guard lock(pool_mutex_);
      --open_;
    }
    pool_freed_.notify_one();
    throw;
  }
}

template <typename Work>
Result<Unit> PostgresStorage::write(Work&& work) {
  try {
    auto db = connection();
    PgTransaction transaction(*db);
    work(*db);
    transaction.commit();
    return Unit{};
  } catch (const std::exception& failure) {
    return storage_failed(failure);
  }
}

Result<Stored> PostgresStorage::store_submission(const NewSubmission& s) {
  if (!s.corrects.empty() || !s.uploads.empty()) return store_linked(s);
  try {
    auto db = connection();
    const PgResult inserted = insert_submission(*db, s);
    if (inserted.changed() == 1) return Stored{Stored::Outcome::created, s.receipt, s.envelope};
    // Another request (on any replica) stored this key first; DO NOTHING waited for its
    // COMMIT, so this statement sees the row.
    if (auto stored = stored_under(*db, s.idempotency_key, s.content_hash)) return *stored;
    throw PgError("the submission under this idempotency key could not be read back");
  } catch (const std::exception& failure) {
    return storage_failed(failure);
  }
}

// One transaction for a submission linked to other rows: a correction marks the corrected
// submission (its row is locked by the UPDATE, so of two corrections racing for it one marks
// it and the other finds it corrected), and the uploads its files name are attached (of two
// submissions racing for an upload, the second's UPDATE waits for the first's COMMIT and then
// finds it attached). A retry of a stored submission is answered as stored.
Result<Stored> PostgresStorage::store_linked(const NewSubmission& s) {
  std::optional<Stored> outcome;
  auto written = write([&](PgConnection& db) {
    if ((outcome = stored_under(db, s.idempotency_key, s.content_hash))) return;
    PgRunner sql(db);
    if (!uploads_attachable(sql, s.uploads, s.idempotency_key)) {
      outcome = Stored{Stored::Outcome::uploads_unavailable, "", ""};
      return;
    }
    if (!s.corrects.empty()) {
      const PgResult marked = db.exec(
          "UPDATE submissions SET status = 'corrected', updated_at = $1 "
          "WHERE id = $2 AND status = 'needs_correction' AND form_id = $3",
          {s.received_at, s.corrects, s.form_id});
      if (marked.changed() != 1) {
        outcome = Stored{Stored::Outcome::not_correctable, "", ""};
        return;
      }
    }
    // A parallel request under the same key, or for the same uploads, that committed after
    // the checks above: roll back (the client's retry is then answered as stored, or refused).
    if (insert_submission(db, s).changed() != 1) throw PgError("idempotency key stored meanwhile");
    if (!attach_uploads(sql, s.uploads, s.id)) throw PgError("uploads attached meanwhile");
    outcome = Stored{Stored::Outcome::created, s.receipt, s.envelope};
  });
  if (!written) return std::move(written).error();
  return *outcome;
}

std::optional<Stored> PostgresStorage::find_by_key(const std::string& idempotency_key,
                                                   const std::string& content_hash) {
  auto db = connection();
  return stored_under(*db, idempotency_key, content_hash);
}

std::optional<SubmissionRecord> PostgresStorage::submission(const std::string& id) {
  auto db = connection();
  const PgResult row = db->exec(
      std::string("SELECT ") + kSubmissionColumns + " FROM submissions WHERE id = $1", {id});
  if (row.rows() == 0) return std::nullopt;
  return read_submission(row, 0);
}

std::vector<SubmissionRecord> PostgresStorage::queue(const QueueFilter& filter) {
  const std::string sql =
      std::string("SELECT ") + kSubmissionColumns +
      " FROM submissions WHERE ($1 = '[]' OR district IN "
      "(SELECT jsonb_array_elements_text($1::jsonb))) AND ($2 = '' OR status = $2) "
      "AND ($3 = '' OR form_id = $3) AND ($4 = '' OR received_at || '|' || id > $4) "
      "ORDER BY received_at, id LIMIT $5::bigint";
  auto db = connection();
  const PgResult rows = db->exec(sql, {Json(filter.districts).dump(), filter.status, filter.form_id,
                                       filter.after, std::to_string(filter.limit)});
  std::vector<SubmissionRecord> records;
  for (int row = 0; row < rows.rows(); ++row) records.push_back(read_submission(rows, row));
  return records;
}

Result<bool> PostgresStorage::decide(const Decision& decision, const AuditEntry& entry) {
  bool taken = false;
  auto written = write([&](PgConnection& db) {
    // A concurrent decision holds the row until it commits; this UPDATE then re-reads the
    // row, finds another status and changes nothing.
    const PgResult updated = db.exec(
        "UPDATE submissions SET status = $1, decision = $2, updated_at = $3 "
        "WHERE id = $4 AND status = $5",
        {decision.status, decision.decision, decision.at, decision.submission_id,
         decision.from_status});
    taken = updated.changed() == 1;
    if (taken) append_audit(db, entry);
  });
  if (!written) return std::move(written).error();
  return taken;
}

Result<Unit> PostgresStorage::audit(const AuditEntry& entry) {
  return write([&](PgConnection& db) { append_audit(db, entry); });
}

std::vector<AuditEntry> PostgresStorage::audit_log(std::int64_t after_seq, int limit) {
  auto db = connection();
  const PgResult rows = db->exec(
      "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit "
      "WHERE seq > $1::bigint ORDER BY seq LIMIT $2::bigint",
      {std::to_string(after_seq), std::to_string(limit)});
  std::vector<AuditEntry> entries;
  for (int row = 0; row < rows.rows(); ++row) {
    entries.push_back(AuditEntry{rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2),
                                 rows.text(row, 3), rows.text(row, 4),
                                 Json::parse(rows.text(row, 5), nullptr, false), rows.text(row, 6),
                                 rows.text(row, 7)});
  }
  return entries;
}

Result<Unit> PostgresStorage::put_operator(const Operator& op) {
  return write([&](PgConnection& db) {
    db.exec(
        "INSERT INTO operators (username, password_hash, role, districts) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO UPDATE SET "
        "password_hash = excluded.password_hash, role = excluded.role, "
        "districts = excluded.districts",
        {op.username, op.password_hash, op.role, Json(op.districts).dump()});
    db.exec("DELETE FROM tokens WHERE username = $1", {op.username});
    db.exec("DELETE FROM login_failures WHERE username = $1", {op.username});
  });
}

std::optional<Operator> PostgresStorage::find_operator(const std::string& username) {
  auto db = connection();
  const PgResult row =
      db->exec("SELECT username, password_hash, role, districts FROM operators WHERE username = $1",
               {username});
  if (row.rows() == 0) return std::nullopt;
  Operator op{row.text(0, 0), row.text(0, 1), row.text(0, 2), {}};
  const Json districts = Json::parse(row.text(0, 3), nullptr, false);
  if (districts.is_array()) {
    for (const auto& district : districts) {
      if (district.is_string()) op.districts.push_back(district.get<std::string>());
    }
  }
  return op;
}

Result<bool> PostgresStorage::count_failed_login(const LoginLock& lock) {
  bool locked = false;
  const std::string now = std::to_string(lock.now);
  const std::string seconds = std::to_string(lock.lock_seconds);
  auto counted = write([&](PgConnection& db) {
    db.exec(
        "DELETE FROM login_failures "
        "WHERE locked_until < $1::bigint AND updated_at < $1::bigint - $2::bigint",
        {now, seconds});
    const PgResult row = db.exec(
        "INSERT INTO login_failures AS f (username, client, failures, locked_until, updated_at) "
        "VALUES ($1, $2, 1, CASE WHEN $3::bigint <= 1 THEN $4::bigint + $5::bigint ELSE 0 END, "
        "$4::bigint) ON CONFLICT (username, client) DO UPDATE SET "
        "failures = CASE WHEN f.failures + 1 >= $3::bigint THEN 0 ELSE f.failures + 1 END, "
        "locked_until = CASE WHEN f.failures + 1 >= $3::bigint THEN $4::bigint + $5::bigint "
        "ELSE f.locked_until END, updated_at = $4::bigint RETURNING locked_until",
        {lock.username, lock.client, std::to_string(lock.max_failures), now, seconds});
    locked = row.rows() == 1 && row.integer(0, 0) > lock.now;
  });
  if (!counted) return counted.error();
  return locked;
}

bool PostgresStorage::login_locked(const LoginLock& lock) {
  auto db = connection();
  return db->exec(
               "SELECT 1 FROM login_failures "
               "WHERE username = $1 AND client = $2 AND locked_until > $3::bigint",
               {lock.username, lock.client, std::to_string(lock.now)})
             .rows() > 0;
}

Result<Unit> PostgresStorage::clear_failed_logins(const LoginLock& lock) {
  return write([&](PgConnection& db) {
    db.exec("DELETE FROM login_failures WHERE username = $1 AND client = $2",
            {lock.username, lock.client});
  });
}

Result<Unit> PostgresStorage::unlock_operator(const std::string& username) {
  return write([&](PgConnection& db) {
    db.exec("DELETE FROM login_failures WHERE username = $1", {username});
  });
}

Result<Unit> PostgresStorage::put_token(const std::string& token_hash, const std::string& username,
                                        std::int64_t expires_at) {
  return write([&](PgConnection& db) {
    db.exec("DELETE FROM tokens WHERE expires_at < $1::bigint",
            {std::to_string(expires_at - 24 * 3600)});
    db.exec("INSERT INTO tokens (token_hash, username, expires_at) VALUES ($1, $2, $3::bigint)",
            {token_hash, username, std::to_string(expires_at)});
  });
}

std::optional<std::string> PostgresStorage::token_owner(const std::string& token_hash,
                                                        std::int64_t now) {
  auto db = connection();
  const PgResult row =
      db->exec("SELECT username FROM tokens WHERE token_hash = $1 AND expires_at > $2::bigint",
               {token_hash, std::to_string(now)});
  if (row.rows() == 0) return std::nullopt;
  return row.text(0, 0);
}

Result<Unit> PostgresStorage::drop_token(const std::string& token_hash) {
  return write(
      [&](PgConnection& db) { db.exec("DELETE FROM tokens WHERE token_hash = $1", {token_hash}); });
}

Result<Unit> PostgresStorage::put_register(const std::string& district, const std::string& csv,
                                           const AuditEntry& entry) {
  return write([&](PgConnection& db) {
    const std::int64_t seq = append_audit(db, entry);
    db.exec(
        "INSERT INTO registers (district, csv, imported_seq) VALUES ($1, $2, $3::bigint) "
        "ON CONFLICT (district) DO UPDATE SET csv = excluded.csv, "
        "imported_seq = excluded.imported_seq",
        {district, csv, std::to_string(seq)});
  });
}

std::vector<std::pair<std::string, std::string>> PostgresStorage::registers() {
  auto db = connection();
  const PgResult rows = db->exec("SELECT district, csv FROM registers ORDER BY district");
  std::vector<std::pair<std::string, std::string>> registers;
  for (int row = 0; row < rows.rows(); ++row) {
    registers.emplace_back(rows.text(row, 0), rows.text(row, 1));
  }
  return registers;
}

std::int64_t PostgresStorage::registers_version() {
  auto db = connection();
  return db->exec("SELECT coalesce(max(imported_seq), 0) FROM registers").integer(0, 0);
}

Result<bool> PostgresStorage::transact(const SqlWork& work,
                                       const std::optional<AuditEntry>& entry) {
  try {
    auto db = connection();
    PgTransaction transaction(*db);
    PgRunner runner(*db);
    // The audit entry first: its lock makes audited changes take turns on every replica,
    // and it is rolled back with the rest when `work` declines.
    if (entry) append_audit(*db, *entry);
    if (!work(runner)) return false;  // rolled back by the transaction's destructor
    transaction.commit();
    return true;
  } catch (const std::exception& failure) {
    return storage_failed(failure);
  }
}

void PostgresStorage::read(const SqlRead& work) {
  auto db = connection();
  PgRunner runner(*db);
  work(runner);
}

}  // namespace civic::server
