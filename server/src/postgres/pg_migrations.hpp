// pg_migrations.hpp — the PostgreSQL schema as numbered migrations (the same versions as
// SQLite's, migrations.hpp), applied in order when a replica starts.
#pragma once

#include "pg.hpp"

namespace civic::server {

// Brings the schema to kSchemaVersion (table schema_version), each migration in its own
// transaction, under a session advisory lock: replicas that start together wait for one
// another, and the first applies each migration once. Returns the version. Throws
// SchemaTooNew when the database is past it, PgError when PostgreSQL fails.
int pg_migrate(PgConnection& db);

}  // namespace civic::server
