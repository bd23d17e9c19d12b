#include "sqlite.hpp"

namespace civic::server {

namespace {

[[noreturn]] void fail(sqlite3* db, const char* what) {
  throw SqliteError(std::string(what) + ": " + sqlite3_errmsg(db));
}

}  // namespace

Db::Db(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw SqliteError("open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, 5000);
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db_, "exec");
}

Stmt::Stmt(Db& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    fail(db.handle(), "prepare");
  }
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(std::string_view text) {
  sqlite3_bind_text(stmt_, next_++, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind(std::int64_t number) {
  sqlite3_bind_int64(stmt_, next_++, number);
  return *this;
}

Stmt& Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  next_ = 1;
  return *this;
}

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_.handle(), "step");
}

std::string Stmt::text(int column) const {
  const auto* bytes = sqlite3_column_text(stmt_, column);
  return bytes == nullptr
             ? std::string()
             : std::string(reinterpret_cast<const char*>(bytes),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::int64_t Stmt::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

namespace {

void bind_all(Stmt& statement, const std::vector<SqlValue>& params) {
  for (const SqlValue& param : params) {
    std::visit([&statement](const auto& value) { statement.bind(value); }, param);
  }
}

}  // namespace

std::vector<SqlRow> SqliteRunner::query(const std::string& sql,
                                        const std::vector<SqlValue>& params) {
  Stmt statement(db_, sql.c_str());
  bind_all(statement, params);
  std::vector<SqlRow> rows;
  while (statement.step()) {
    SqlRow& row = rows.emplace_back();
    for (int column = 0; column < statement.columns(); ++column) {
      row.push_back(statement.text(column));
    }
  }
  return rows;
}

int SqliteRunner::execute(const std::string& sql, const std::vector<SqlValue>& params) {
  Stmt statement(db_, sql.c_str());
  bind_all(statement, params);
  while (statement.step()) {
  }
  return db_.changes();
}

}  // namespace civic::server
