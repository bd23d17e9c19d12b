// The database schema as numbered migrations, applied in order at start-up.
#pragma once

#include "sqlite.hpp"

namespace civic::server {

// Brings the schema to the newest version (table schema_version); returns that version.
// Throws SchemaTooNew when the database is past it (schema_version.hpp).
int migrate(Db& db);

}  // namespace civic::server
