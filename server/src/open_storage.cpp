#include "open_storage.hpp"

#include "postgres/postgres_storage.hpp"
#include "sqlite_storage.hpp"

namespace civic::server {

std::unique_ptr<Storage> open_storage(const std::string& database,
                                      const std::filesystem::path& data, int db_connections) {
  if (database.empty()) return std::make_unique<SqliteStorage>(data);
  return std::make_unique<PostgresStorage>(database, db_connections);
}

}  // namespace civic::server
