#include "sqlite_storage.hpp"

#include "audit.hpp"
#include "files/upload_storage.hpp"
#include "migrations.hpp"

namespace civic::server {

namespace {

constexpr std::size_t kMaxBatch = 512;
constexpr const char* kSubmissionColumns =
    "id, content_hash, form_id, form_version, district, envelope, receipt, received_at, status, "
    "decision, updated_at, corrects, "
    "COALESCE((SELECT c.id FROM submissions c WHERE c.corrects = submissions.id), '')";

SubmissionRecord read_submission(const Stmt& row) {
  return SubmissionRecord{row.text(0),  row.text(1),  row.text(2), row.text(3), row.text(4),
                          row.text(5),  row.text(6),  row.text(7), row.text(8), row.text(9),
                          row.text(10), row.text(11), row.text(12)};
}

std::optional<Stored> stored_under(Db& db, const std::string& key, const std::string& hash) {
  Stmt select(db,
              "SELECT content_hash, receipt, envelope FROM submissions WHERE idempotency_key = ?");
  select.bind(key);
  if (!select.step()) return std::nullopt;
  const auto outcome =
      select.text(0) == hash ? Stored::Outcome::existing : Stored::Outcome::conflict;
  return Stored{outcome, select.text(1), select.text(2)};
}

// For a correction, inside the writer's transaction (which no other write interleaves): a
// retry of a stored correction goes on to be answered as stored; otherwise the corrected
// submission must still need correction, and becomes "corrected". False: nothing may be stored.
bool mark_corrected(Db& db, const NewSubmission& s) {
  if (stored_under(db, s.idempotency_key, s.content_hash)) return true;
  Stmt mark(db,
            "UPDATE submissions SET status = 'corrected', updated_at = ? "
            "WHERE id = ? AND status = 'needs_correction' AND form_id = ?");
  mark.bind(s.received_at).bind(s.corrects).bind(s.form_id).step();
  return db.changes() == 1;
}

}  // namespace

class SqliteStorage::ReaderLease {
 public:
  ReaderLease(SqliteStorage& owner, std::unique_ptr<Db> db) : owner_(owner), db_(std::move(db)) {}
  ~ReaderLease() {
    const std::lock_guard lock(owner_.readers_mutex_);
    owner_.readers_.push_back(std::move(db_));
  }
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;
  Db& operator*() { return *db_; }

 private:
  SqliteStorage& owner_;
  std::unique_ptr<Db> db_;
};

SqliteStorage::SqliteStorage(const std::filesystem::path& data_dir)
    : path_((data_dir / "civic.sqlite3").string()) {
  std::filesystem::create_directories(data_dir);
  writer_ = open_connection();
  writer_->exec("PRAGMA journal_mode=WAL");
  migrate(*writer_);
  writer_thread_ = std::thread([this] { writer_loop(); });
}

SqliteStorage::~SqliteStorage() {
  {
    const std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_ready_.notify_all();
  writer_thread_.join();
}

std::unique_ptr<Db> SqliteStorage::open_connection() const {
  auto db = std::make_unique<Db>(path_);
  // FULL: in WAL mode every COMMIT syncs the WAL, so a committed row survives power loss,
  // not only a crash of the process.
  db->exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
  return db;
}

SqliteStorage::ReaderLease SqliteStorage::reader() {
  std::unique_ptr<Db> db;
  {
    const std::lock_guard lock(readers_mutex_);
    if (!readers_.empty()) {
      db = std::move(readers_.back());
      readers_.pop_back();
    }
  }
  if (!db) db = open_connection();
  return ReaderLease(*this, std::move(db));
}

Result<Stored> SqliteStorage::store_submission(const NewSubmission& submission) {
  Pending pending{&submission, {}};
  auto done = pending.done.get_future();
  {
    const std::lock_guard lock(queue_mutex_);
    queue_.push_back(&pending);
  }
  queue_ready_.notify_one();
  return done.get();
}

void SqliteStorage::writer_loop() {
  for (;;) {
    std::vector<Pending*> taken;
    {
      std::unique_lock lock(queue_mutex_);
      queue_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is answered
      while (!queue_.empty() && taken.size() < kMaxBatch) {
        taken.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    std::vector<Result<Stored>> results;
    try {
      const std::lock_guard lock(write_mutex_);
      Transaction transaction(*writer_);
      Stmt insert(*writer_,
                  "INSERT INTO submissions (id, idempotency_key, content_hash, form_id, "
                  "form_version, district, envelope, receipt, received_at, updated_at, corrects) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT (idempotency_key) DO NOTHING");
      SqliteRunner sql(*writer_);
      for (const Pending* pending : taken) {
        const NewSubmission& s = *pending->submission;
        if (!uploads_attachable(sql, s.uploads, s.idempotency_key)) {
          results.emplace_back(Stored{Stored::Outcome::uploads_unavailable, "", ""});
          continue;
        }
        if (!s.corrects.empty() && !mark_corrected(*writer_, s)) {
          results.emplace_back(Stored{Stored::Outcome::not_correctable, "", ""});
          continue;
        }
        Stmt& row = insert.reset();
        row.bind(s.id).bind(s.idempotency_key).bind(s.content_hash).bind(s.form_id);
        row.bind(s.form_version).bind(s.district).bind(s.envelope).bind(s.receipt);
        row.bind(s.received_at).bind(s.received_at).bind(s.corrects).step();
        if (writer_->changes() == 1) {
          // Checked above, in this transaction, which no other write interleaves.
          attach_uploads(sql, s.uploads, s.id);
          results.emplace_back(Stored{Stored::Outcome::created, s.receipt, s.envelope});
        } else {
          results.emplace_back(*stored_under(*writer_, s.idempotency_key, s.content_hash));
        }
      }
      transaction.commit();
    } catch (const std::exception& failure) {
      results.assign(taken.size(), Result<Stored>(storage_failed(failure)));
    }
    for (std::size_t i = 0; i < taken.size(); ++i) taken[i]->done.set_value(std::move(results[i]));
  }
}

std::optional<Stored> SqliteStorage::find_by_key(const std::string& idempotency_key,
                                                 const std::string& content_hash) {
  auto db = reader();
  return stored_under(*db, idempotency_key, content_hash);
}

std::optional<SubmissionRecord> SqliteStorage::submission(const std::string& id) {
  auto db = reader();
  Stmt select(
      *db,
      (std::string("SELECT ") + kSubmissionColumns + " FROM submissions WHERE id = ?").c_str());
  select.bind(id);
  if (!select.step()) return std::nullopt;
  return read_submission(select);
}

std::vector<SubmissionRecord> SqliteStorage::queue(const QueueFilter& filter) {
  const std::string sql =
      std::string("SELECT ") + kSubmissionColumns +
      " FROM submissions WHERE (? = '[]' OR district IN "
      "(SELECT value FROM json_each(?))) AND (? = '' OR status = ?) "
      "AND (? = '' OR form_id = ?) AND (? = '' OR received_at || '|' || id > ?) "
      "ORDER BY received_at, id LIMIT ?";
  const std::string districts = Json(filter.districts).dump();
  auto db = reader();
  Stmt select(*db, sql.c_str());
  select.bind(districts).bind(districts).bind(filter.status).bind(filter.status);
  select.bind(filter.form_id).bind(filter.form_id).bind(filter.after).bind(filter.after);
  select.bind(std::int64_t{filter.limit});
  std::vector<SubmissionRecord> rows;
  while (select.step()) rows.push_back(read_submission(select));
  return rows;
}

template <typename Work>
Result<Unit> SqliteStorage::write(Work&& work) {
  try {
    const std::lock_guard lock(write_mutex_);
    Transaction transaction(*writer_);
    work(*writer_);
    transaction.commit();
    return Unit{};
  } catch (const std::exception& failure) {
    return storage_failed(failure);
  }
}

std::int64_t SqliteStorage::append_audit(const AuditEntry& entry) {
  AuditEntry row = entry;
  row.seq = 1;
  row.prev_hash = audit::kGenesis;
  Stmt last(*writer_, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  if (last.step()) {
    row.seq = last.integer(0) + 1;
    row.prev_hash = last.text(1);
  }
  row.hash = audit::chain_hash(row.prev_hash, row);
  Stmt insert(*writer_,
              "INSERT INTO audit (seq, at, actor, action, subject, details, prev_hash, hash) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(row.seq).bind(row.at).bind(row.actor).bind(row.action).bind(row.subject);
  insert.bind(row.details.dump()).bind(row.prev_hash).bind(row.hash).step();
  return row.seq;
}

Result<bool> SqliteStorage::decide(const Decision& decision, const AuditEntry& entry) {
  bool taken = false;
  auto written = write([&](Db& db) {
    Stmt update(db,
                "UPDATE submissions SET status = ?, decision = ?, updated_at = ? "
                "WHERE id = ? AND status = ?");
    update.bind(decision.status).bind(decision.decision).bind(decision.at);
    update.bind(decision.submission_id).bind(decision.from_status).step();
    taken = db.changes() == 1;
    if (taken) append_audit(entry);
  });
  if (!written) return std::move(written).error();
  return taken;
}

Result<Unit> SqliteStorage::audit(const AuditEntry& entry) {
  return write([&](Db&) { append_audit(entry); });
}

std::vector<AuditEntry> SqliteStorage::audit_log(std::int64_t after_seq, int limit) {
  auto db = reader();
  Stmt select(*db,
              "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit "
              "WHERE seq > ? ORDER BY seq LIMIT ?");
  select.bind(after_seq).bind(std::int64_t{limit});
  std::vector<AuditEntry> rows;
  while (select.step()) {
    rows.push_back(AuditEntry{select.integer(0), select.text(1), select.text(2), select.text(3),
                              select.text(4),
                              Json::parse(select.text(5), nullptr, /*allow_exceptions=*/false),
                              select.text(6), select.text(7)});
  }
  return rows;
}

Result<Unit> SqliteStorage::put_operator(const Operator& op) {
  return write([&](Db& db) {
    Stmt upsert(db,
                "INSERT INTO operators (username, password_hash, role, districts) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET "
                "password_hash = excluded.password_hash, role = excluded.role, "
                "districts = excluded.districts");
    upsert.bind(op.username).bind(op.password_hash).bind(op.role);
    upsert.bind(Json(op.districts).dump()).step();
    Stmt revoke(db, "DELETE FROM tokens WHERE username = ?");
    revoke.bind(op.username).step();
    Stmt forget(db, "DELETE FROM login_failures WHERE username = ?");
    forget.bind(op.username).step();
  });
}

std::optional<Operator> SqliteStorage::find_operator(const std::string& username) {
  auto db = reader();
  Stmt select(*db,
              "SELECT username, password_hash, role, districts FROM operators WHERE username = ?");
  select.bind(username);
  if (!select.step()) return std::nullopt;
  const Json districts = Json::parse(select.text(3), nullptr, false);
  Operator op{select.text(0), select.text(1), select.text(2), {}};
  if (districts.is_array()) {
    for (const auto& district : districts) {
      if (district.is_string()) op.districts.push_back(district.get<std::string>());
    }
  }
  return op;
}

Result<bool> SqliteStorage::count_failed_login(const LoginLock& lock) {
  bool locked = false;
  auto counted = write([&](Db& db) {
    // Rows whose lock ran out and which saw no failure for as long: bounded by the
    // addresses that failed recently.
    Stmt purge(db, "DELETE FROM login_failures WHERE locked_until < ?1 AND updated_at < ?1 - ?2");
    purge.bind(lock.now).bind(lock.lock_seconds).step();
    Stmt count(db,
               "INSERT INTO login_failures (username, client, failures, locked_until, updated_at) "
               "VALUES (?1, ?2, 1, CASE WHEN ?3 <= 1 THEN ?4 + ?5 ELSE 0 END, ?4) "
               "ON CONFLICT (username, client) DO UPDATE SET "
               "failures = CASE WHEN failures + 1 >= ?3 THEN 0 ELSE failures + 1 END, "
               "locked_until = CASE WHEN failures + 1 >= ?3 THEN ?4 + ?5 ELSE locked_until END, "
               "updated_at = ?4 RETURNING locked_until");
    count.bind(lock.username).bind(lock.client).bind(std::int64_t{lock.max_failures});
    count.bind(lock.now).bind(lock.lock_seconds);
    locked = count.step() && count.integer(0) > lock.now;
  });
  if (!counted) return counted.error();
  return locked;
}

bool SqliteStorage::login_locked(const LoginLock& lock) {
  auto db = reader();
  Stmt select(
      *db, "SELECT 1 FROM login_failures WHERE username = ? AND client = ? AND locked_until > ?");
  select.bind(lock.username).bind(lock.client).bind(lock.now);
  return select.step();
}

Result<Unit> SqliteStorage::clear_failed_logins(const LoginLock& lock) {
  return write([&](Db& db) {
    Stmt remove(db, "DELETE FROM login_failures WHERE username = ? AND client = ?");
    remove.bind(lock.username).bind(lock.client).step();
  });
}

Result<Unit> SqliteStorage::unlock_operator(const std::string& username) {
  return write([&](Db& db) {
    Stmt remove(db, "DELETE FROM login_failures WHERE username = ?");
    remove.bind(username).step();
  });
}

Result<Unit> SqliteStorage::put_token(const std::string& token_hash, const std::string& username,
                                      std::int64_t expires_at) {
  return write([&](Db& db) {
    Stmt purge(db, "DELETE FROM tokens WHERE expires_at < ?");
    purge.bind(expires_at - 24 * 3600).step();
    Stmt insert(db, "INSERT INTO tokens (token_hash, username, expires_at) VALUES (?, ?, ?)");
    insert.bind(token_hash).bind(username).bind(expires_at).step();
  });
}

std::optional<std::string> SqliteStorage::token_owner(const std::string& token_hash,
                                                      std::int64_t now) {
  auto db = reader();
  Stmt select(*db, "SELECT username FROM tokens WHERE token_hash = ? AND expires_at > ?");
  select.bind(token_hash).bind(now);
  if (!select.step()) return std::nullopt;
  return select.text(0);
}

Result<Unit> SqliteStorage::drop_token(const std::string& token_hash) {
  return write([&](Db& db) {
    Stmt remove(db, "DELETE FROM tokens WHERE token_hash = ?");
    remove.bind(token_hash).step();
  });
}

Result<Unit> SqliteStorage::put_register(const std::string& district, const std::string& csv,
                                         const AuditEntry& entry) {
  return write([&](Db& db) {
    const std::int64_t seq = append_audit(entry);
    Stmt upsert(db,
                "INSERT INTO registers (district, csv, imported_seq) VALUES (?, ?, ?) "
                "ON CONFLICT (district) DO UPDATE SET csv = excluded.csv, "
                "imported_seq = excluded.imported_seq");
    upsert.bind(district).bind(csv).bind(seq).step();
  });
}

std::vector<std::pair<std::string, std::string>> SqliteStorage::registers() {
  auto db = reader();
  Stmt select(*db, "SELECT district, csv FROM registers ORDER BY district");
  std::vector<std::pair<std::string, std::string>> rows;
  while (select.step()) rows.emplace_back(select.text(0), select.text(1));
  return rows;
}

std::int64_t SqliteStorage::registers_version() {
  auto db = reader();
  Stmt select(*db, "SELECT coalesce(max(imported_seq), 0) FROM registers");
  select.step();
  return select.integer(0);
}

Result<bool> SqliteStorage::transact(const SqlWork& work, const std::optional<AuditEntry>& entry) {
  try {
    const std::lock_guard lock(write_mutex_);
    Transaction transaction(*writer_);
    SqliteRunner runner(*writer_);
    if (entry) append_audit(*entry);
    if (!work(runner)) return false;  // rolled back (audit entry too) by the destructor
    transaction.commit();
    return true;
  } catch (const std::exception& failure) {
    return storage_failed(failure);
  }
}

void SqliteStorage::read(const SqlRead& work) {
  auto db = reader();
  SqliteRunner runner(*db);
  work(runner);
}

}  // namespace civic::server
