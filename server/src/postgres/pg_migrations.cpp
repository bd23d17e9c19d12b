#include "pg_migrations.hpp"

#include <array>

#include "pg_locks.hpp"
#include "schema_version.hpp"

namespace civic::server {

namespace {

// Signing requests and the submissions' qualified signatures (signing/signature_storage.hpp).
// Schema version 8, after the documents' 7.
constexpr const char* kPostgresSignaturesMigration = R"sql(
CREATE TABLE signing_requests (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'signed', 'refused', 'used')),
  confirm_url TEXT NOT NULL,
  short_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT NOT NULL,
  signature TEXT NOT NULL DEFAULT '',
  sealed_certificate TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL DEFAULT '',
  submission_id TEXT UNIQUE
);
)sql";

// Migration N (from 1) takes the schema from version N-1 to N, as SQLite's migration N
// does. Never edit a released one: append. Sorted and compared text is COLLATE "C" so that
// the queue's order and paging cursor are byte order, as in SQLite, whatever the
// database's locale.
constexpr std::array<const char*, kSchemaVersion> kPostgresMigrations = {
    R"sql(
CREATE TABLE submissions (
  id TEXT COLLATE "C" PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  form_id TEXT NOT NULL,
  form_version TEXT NOT NULL,
  district TEXT NOT NULL,
  envelope TEXT NOT NULL,
  receipt TEXT NOT NULL,
  received_at TEXT COLLATE "C" NOT NULL,
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
  failed_logins BIGINT NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES operators (username),
  expires_at BIGINT NOT NULL
);
CREATE TABLE audit (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE registers (
  district TEXT COLLATE "C" PRIMARY KEY,
  csv TEXT NOT NULL
);
)sql",
    // 2: lockout per account and client address, counted in one statement
    // (operators.failed_logins and locked_until are no longer used).
    R"sql(
CREATE TABLE login_failures (
  username TEXT NOT NULL REFERENCES operators (username),
  client TEXT NOT NULL,
  failures BIGINT NOT NULL,
  locked_until BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (username, client)
);
)sql",
    // 3: which audit entry imported each register, so that replicas notice an import made
    // through another one (Storage::registers_version).
    R"sql(
ALTER TABLE registers ADD COLUMN imported_seq BIGINT NOT NULL DEFAULT 0;
)sql",
    // 4: a citizen's corrected declaration names the one it corrects.
    R"sql(
ALTER TABLE submissions ADD COLUMN corrects TEXT NOT NULL DEFAULT '';
CREATE INDEX submissions_corrects ON submissions (corrects);
)sql",
    // 5: fee payments (payments/payment_storage.hpp): `made` numbers a submission's requests,
    // and a provider's transaction counts once.
    R"sql(
CREATE TABLE payments (
  made BIGINT NOT NULL UNIQUE,
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  amount_cents BIGINT NOT NULL,
  state TEXT NOT NULL,
  pay_url TEXT NOT NULL,
  transaction_id TEXT UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX payments_submission ON payments (submission_id, made);
)sql",
    // 6: "Sofia Chooses" (issue 12, docs/vote-server.md): the role pb, proposals, elections,
    // the eligibility register (keyed hashes of personal numbers, never the numbers), the
    // registrar's credentials, one-time codes (hashed), voting sessions and the board.
    R"sql(
ALTER TABLE operators DROP CONSTRAINT operators_role_check;
ALTER TABLE operators ADD CONSTRAINT operators_role_check
  CHECK (role IN ('operator', 'admin', 'pb'));
CREATE TABLE proposals (
  reference TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('admitted', 'rejected')),
  position BIGINT NOT NULL,
  public TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE TABLE elections (
  id TEXT COLLATE "C" PRIMARY KEY,
  state TEXT NOT NULL
    CHECK (state IN ('draft', 'ceremony', 'open', 'closed', 'tallied', 'published')),
  version BIGINT NOT NULL,
  document TEXT NOT NULL,
  board_size BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE eligible_voters (
  election TEXT NOT NULL REFERENCES elections (id),
  voter TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  permanent_settlement TEXT NOT NULL,
  current_settlement TEXT NOT NULL,
  PRIMARY KEY (election, voter)
);
CREATE TABLE voter_credentials (
  election TEXT NOT NULL REFERENCES elections (id),
  voter TEXT NOT NULL,
  credential TEXT NOT NULL,
  sealed TEXT NOT NULL,
  PRIMARY KEY (election, voter),
  UNIQUE (election, credential)
);
CREATE TABLE voter_codes (
  request TEXT PRIMARY KEY,
  election TEXT NOT NULL REFERENCES elections (id),
  voter TEXT NOT NULL,
  phone TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  used BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX voter_codes_voter ON voter_codes (voter, issued_at);
CREATE INDEX voter_codes_phone ON voter_codes (phone, issued_at);
CREATE TABLE voter_sessions (
  token_hash TEXT PRIMARY KEY,
  election TEXT NOT NULL REFERENCES elections (id),
  voter TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE ballots (
  election TEXT NOT NULL REFERENCES elections (id),
  position BIGINT NOT NULL,
  tracking_code TEXT NOT NULL,
  credential TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  device TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('cast', 'superseded', 'spoiled')),
  entry TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (election, position),
  UNIQUE (election, tracking_code),
  UNIQUE (election, credential, sequence)
);
CREATE INDEX ballots_device ON ballots (election, device, position);
)sql",
    // 7: documents (docs/files.md, files/upload_storage.hpp): sealed uploads and their sealed
    // chunks (base64 text: the portable SQL layer carries text), attached to a submission in the
    // transaction that stores it; `client` is a keyed hash of the uploader's address (the cap
    // on unattached uploads), never the address.
    R"sql(
CREATE TABLE uploads (
  id TEXT COLLATE "C" PRIMARY KEY,
  header TEXT NOT NULL,
  size BIGINT NOT NULL,
  chunks BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  submission_id TEXT REFERENCES submissions (id),
  client TEXT NOT NULL
);
CREATE INDEX uploads_unattached ON uploads (client, created_at) WHERE submission_id IS NULL;
CREATE INDEX uploads_created ON uploads (created_at) WHERE submission_id IS NULL;
CREATE INDEX uploads_submission ON uploads (submission_id);
CREATE TABLE upload_chunks (
  upload_id TEXT NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  idx BIGINT NOT NULL,
  bytes TEXT NOT NULL,
  PRIMARY KEY (upload_id, idx)
);
)sql",
    // 8: qualified signatures.
    kPostgresSignaturesMigration,
};

int current_version(PgConnection& db) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const PgResult select = db.exec("SELECT version FROM schema_version");
  if (select.rows() > 0) return static_cast<int>(select.integer(0, 0));
  db.exec("INSERT INTO schema_version (version) VALUES (0)");
  return 0;
}

// Holds a session advisory lock for its lifetime (released with the session otherwise).
class SessionLock {
 public:
  SessionLock(PgConnection& db, std::int64_t key) : db_(db), key_(std::to_string(key)) {
    db_.exec("SELECT pg_advisory_lock($1::bigint)", {key_});
  }
  ~SessionLock() {
    try {
      db_.exec("SELECT pg_advisory_unlock($1::bigint)", {key_});
    } catch (const PgError&) {
      // The session is gone, and its lock with it.
    }
  }
  SessionLock(const SessionLock&) = delete;
  SessionLock& operator=(const SessionLock&) = delete;

 private:
  PgConnection& db_;
  std::string key_;
};

}  // namespace

int pg_migrate(PgConnection& db) {
  const SessionLock lock(db, pg_locks::kMigrations);
  int version = current_version(db);
  if (version > kSchemaVersion) throw SchemaTooNew(version);
  for (; version < kSchemaVersion; ++version) {
    PgTransaction transaction(db);
    db.exec(kPostgresMigrations[static_cast<std::size_t>(version)]);
    db.exec("UPDATE schema_version SET version = $1::integer", {std::to_string(version + 1)});
    transaction.commit();
  }
  return version;
}

}  // namespace civic::server
