// schema_version.hpp — the schema version this civic-server knows, for every backend.
//
// Both backends keep numbered migrations (migrations.cpp for SQLite,
// postgres/pg_migrations.cpp for PostgreSQL) that take the schema to the same versions; a
// database already past kSchemaVersion was migrated by a newer civic-server, and this one
// refuses to run on it rather than misread it.
#pragma once

#include <stdexcept>
#include <string>

namespace civic::server {

inline constexpr int kSchemaVersion = 8;

class SchemaTooNew : public std::runtime_error {
 public:
  explicit SchemaTooNew(int found)
      : std::runtime_error("the database schema is at version " + std::to_string(found) +
                           ", newer than this civic-server knows (" +
                           std::to_string(kSchemaVersion) +
                           "): upgrade civic-server before running it on this database") {}
};

}  // namespace civic::server
