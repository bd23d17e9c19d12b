// pg.hpp — thin RAII wrappers over libpq (internal to PostgresStorage).
//
//   PgConnection db("postgresql://civic@db.internal/civic");
//   PgTransaction transaction(db);
//   const PgResult row = db.exec("SELECT hash FROM audit WHERE seq = $1", {"7"});
//   transaction.commit();
//
// Parameters and results travel as text; callers convert numbers with std::to_string and
// PgResult::integer. Every failure throws PgError (a StorageError), and a connection that
// lost its server reports !healthy() so that its pool drops it.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sql_runner.hpp"
#include "storage.hpp"

namespace civic::server {

class PgError : public StorageError {
 public:
  using StorageError::StorageError;
};

// The rows of one statement.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}

  int rows() const { return PQntuples(result_.get()); }
  int columns() const { return PQnfields(result_.get()); }
  // Rows changed by an INSERT, UPDATE or DELETE.
  int changed() const;
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

class PgConnection {
 public:
  // Connects (a postgresql:// URL or key=value string); throws PgError when it cannot.
  explicit PgConnection(const std::string& url);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // One statement with $1… parameters, or (without parameters) several separated by ';'.
  PgResult exec(const std::string& sql, const std::vector<std::string>& params = {});
  // Still connected and outside any transaction: fit to go back to a pool.
  bool healthy() const;

 private:
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
};

// BEGIN … COMMIT; rolls back when destroyed uncommitted.
class PgTransaction {
 public:
  explicit PgTransaction(PgConnection& db);
  ~PgTransaction();
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;
  void commit();

 private:
  PgConnection& db_;
  bool done_ = false;
};

// SqlRunner over one connection: `?` placeholders become $1, $2, … (the portable SQL of
// sql_runner.hpp has no `?` of its own).
class PgRunner final : public SqlRunner {
 public:
  explicit PgRunner(PgConnection& db) : db_(db) {}
  std::vector<SqlRow> query(const std::string& sql, const std::vector<SqlValue>& params) override;
  int execute(const std::string& sql, const std::vector<SqlValue>& params) override;

 private:
  PgResult run(const std::string& sql, const std::vector<SqlValue>& params);
  PgConnection& db_;
};

}  // namespace civic::server
