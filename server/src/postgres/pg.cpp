#include "pg.hpp"

#include <charconv>
#include <cstring>

namespace civic::server {

int PgResult::changed() const {
  const char* count = PQcmdTuples(result_.get());
  int value = 0;
  std::from_chars(count, count + std::strlen(count), value);
  return value;
}

std::string PgResult::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::int64_t PgResult::integer(int row, int column) const {
  const std::string value = text(row, column);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size()) {
    throw PgError("not an integer: column " + std::to_string(column));
  }
  return number;
}

PgConnection::PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str()), &PQfinish) {
  if (!conn_) throw PgError("connect: out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    throw PgError(std::string("connect: ") + PQerrorMessage(conn_.get()));
  }
  // Notices ("relation already exists, skipping") are not errors: keep them out of the log.
  PQsetNoticeProcessor(
      conn_.get(), [](void*, const char*) {}, nullptr);
}

PgResult PgConnection::exec(const std::string& sql, const std::vector<std::string>& params) {
  PGresult* raw = nullptr;
  if (params.empty()) {
    raw = PQexec(conn_.get(), sql.c_str());
  } else {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& param : params) values.push_back(param.c_str());
    raw = PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                       values.data(), nullptr, nullptr, 0);
  }
  PgResult result(raw);
  const ExecStatusType status = PQresultStatus(raw);
  if (raw == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) {
    throw PgError(std::string("exec: ") + PQerrorMessage(conn_.get()));
  }
  return result;
}

bool PgConnection::healthy() const {
  return PQstatus(conn_.get()) == CONNECTION_OK && PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
}

PgTransaction::PgTransaction(PgConnection& db) : db_(db) { db_.exec("BEGIN"); }

PgTransaction::~PgTransaction() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (const PgError&) {
    // The connection is gone: the server rolls the transaction back itself, and the pool
    // drops the connection (it is no longer healthy).
  }
}

void PgTransaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

PgResult PgRunner::run(const std::string& sql, const std::vector<SqlValue>& params) {
  std::string numbered;
  int next = 0;
  for (const char c : sql) {
    if (c == '?') {
      numbered += '$' + std::to_string(++next);
    } else {
      numbered += c;
    }
  }
  std::vector<std::string> texts;
  texts.reserve(params.size());
  for (const SqlValue& param : params) {
    texts.push_back(std::holds_alternative<std::string>(param)
                        ? std::get<std::string>(param)
                        : std::to_string(std::get<std::int64_t>(param)));
  }
  return db_.exec(numbered, texts);
}

std::vector<SqlRow> PgRunner::query(const std::string& sql, const std::vector<SqlValue>& params) {
  const PgResult result = run(sql, params);
  std::vector<SqlRow> rows(static_cast<std::size_t>(result.rows()));
  const int columns = result.columns();
  for (int row = 0; row < result.rows(); ++row) {
    for (int column = 0; column < columns; ++column) {
      rows[static_cast<std::size_t>(row)].push_back(result.text(row, column));
    }
  }
  return rows;
}

int PgRunner::execute(const std::string& sql, const std::vector<SqlValue>& params) {
  return run(sql, params).changed();
}

}  // namespace civic::server
