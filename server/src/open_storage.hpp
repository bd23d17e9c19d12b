// open_storage.hpp — the one place that picks the storage backend.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "storage.hpp"

namespace civic::server {

// PostgresStorage on `database` (a postgresql:// URL) with up to `db_connections`
// connections, or SqliteStorage in DATA/civic.sqlite3 when `database` is empty. Migrates the
// schema. Throws StorageError (or SchemaTooNew) when the database cannot be opened.
std::unique_ptr<Storage> open_storage(const std::string& database,
                                      const std::filesystem::path& data, int db_connections);

}  // namespace civic::server
