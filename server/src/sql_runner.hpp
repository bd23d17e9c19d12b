// sql_runner.hpp — statements written once for both backends (the vote records,
// elections/vote_storage.hpp, use only this).
//
// Placeholders are `?` (PostgreSQL's runner numbers them $1, $2, …); the SQL must be
// portable: no RETURNING, no ON CONFLICT beyond DO NOTHING, no FOR UPDATE. Results travel
// as text.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace civic::server {

using SqlValue = std::variant<std::string, std::int64_t>;
using SqlRow = std::vector<std::string>;

class SqlRunner {
 public:
  virtual ~SqlRunner() = default;
  // The rows of one statement. Throws StorageError when the database fails.
  virtual std::vector<SqlRow> query(const std::string& sql,
                                    const std::vector<SqlValue>& params = {}) = 0;
  // One INSERT, UPDATE or DELETE; how many rows it changed. Throws StorageError.
  virtual int execute(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
};

// Work inside one write transaction: true commits it, false rolls it back.
using SqlWork = std::function<bool(SqlRunner&)>;
// Work on a read connection.
using SqlRead = std::function<void(SqlRunner&)>;

}  // namespace civic::server
