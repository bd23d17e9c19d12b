#include "migrations.hpp"

#include <array>

#include "schema_version.hpp"

namespace civic::server {

namespace {

// Migration N (from 1) takes the schema from version N-1 to N. Never edit a released one:
// append.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    R"sql(
CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  form_id TEXT NOT NULL,
  form_version TEXT NOT NULL,
  district TEXT NOT NULL,
  envelope TEXT NOT NULL,
  receipt TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'received',
  decision TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX submissions_queue ON submissions (district, received_at, id);
CREATE TABLE operators (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('operator', 'admin')),
  districts TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES operators (username),
  expires_at INTEGER NOT NULL
);
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE registers (
  district TEXT PRIMARY KEY,
  csv TEXT NOT NULL
);
)sql",
    // 2: lockout per account and client address, counted in one statement
    // (operators.failed_logins and locked_until are no longer used).
    R"sql(
CREATE TABLE login_failures (
  username TEXT NOT NULL REFERENCES operators (username),
  client TEXT NOT NULL,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (username, client)
);
)sql",
    // 3: which audit entry imported each register, so that replicas notice an import made
    // through another one (Storage::registers_version).
    R"sql(
ALTER TABLE registers ADD COLUMN imported_seq INTEGER NOT NULL DEFAULT 0;
)sql",
    // 4: a citizen's corrected declaration names the one it corrects.
    R"sql(
ALTER TABLE submissions ADD COLUMN corrects TEXT NOT NULL DEFAULT '';
CREATE INDEX submissions_corrects ON submissions (corrects);
)sql",
    // 5: fee payments (payments/payment_routes.hpp); a provider's transaction counts once.
    R"sql(
CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  state TEXT NOT NULL,
  pay_url TEXT NOT NULL,
  transaction_id TEXT UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX payments_submission ON payments (submission_id, created_at);
)sql",
};

int current_version(Db& db) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  Stmt select(db, "SELECT version FROM schema_version");
  if (select.step()) return static_cast<int>(select.integer(0));
  Stmt insert(db, "INSERT INTO schema_version (version) VALUES (0)");
  insert.step();
  return 0;
}

}  // namespace

int migrate(Db& db) {
  int version = current_version(db);
  if (version > kSchemaVersion) throw SchemaTooNew(version);
  for (; version < static_cast<int>(kMigrations.size()); ++version) {
    Transaction transaction(db);
    db.exec(kMigrations[static_cast<std::size_t>(version)]);
    Stmt update(db, "UPDATE schema_version SET version = ?");
    update.bind(std::int64_t{version + 1}).step();
    transaction.commit();
  }
  return version;
}

}  // namespace civic::server
