// pg_locks.hpp — the advisory lock keys civic-server takes in PostgreSQL. Every replica uses
// the same keys, so a lock serialises the replicas, not only one process's threads.
#pragma once

#include <cstdint>

namespace civic::server::pg_locks {

// Held (per session) while migrations run: one replica migrates, the others wait.
inline constexpr std::int64_t kMigrations = 0x6369766963'01;  // "civic" 1
// Held (per transaction) while an audit entry is appended: one chain, no forks.
inline constexpr std::int64_t kAuditChain = 0x6369766963'02;  // "civic" 2

}  // namespace civic::server::pg_locks
