// Thin RAII wrappers over the SQLite C API (internal to the server's storage).
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "sql_runner.hpp"
#include "storage.hpp"

namespace civic::server {

// Every SQLite failure the storage does not expect (disk full, corruption).
class SqliteError : public StorageError {
 public:
  using StorageError::StorageError;
};

class Db {
 public:
  explicit Db(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const char* sql);
  sqlite3* handle() { return db_; }
  int changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement; bind() counts parameters from 1 in call order.
class Stmt {
 public:
  Stmt(Db& db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(std::string_view text);
  Stmt& bind(std::int64_t number);
  // Ready to run again with new bindings.
  Stmt& reset();
  // true while there is a row; throws SqliteError on failure (constraint violations too).
  bool step();
  std::string text(int column) const;
  std::int64_t integer(int column) const;
  int columns() const { return sqlite3_column_count(stmt_); }

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
  int next_ = 1;
};

// BEGIN IMMEDIATE … COMMIT; rolls back when destroyed uncommitted.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

// SqlRunner over one connection (inside whatever transaction the caller holds).
class SqliteRunner final : public SqlRunner {
 public:
  explicit SqliteRunner(Db& db) : db_(db) {}
  std::vector<SqlRow> query(const std::string& sql, const std::vector<SqlValue>& params) override;
  int execute(const std::string& sql, const std::vector<SqlValue>& params) override;

 private:
  Db& db_;
};

}  // namespace civic::server
