// audit.hpp — the operators' hash-chained audit log.
//
// Row N's hash = hex(BLAKE2b-256(prev_hash || JCS({"seq","at","actor","action","subject",
// "details"}))), where prev_hash is row N-1's hash (64 zeros before the first row). Changing,
// removing or reordering any row breaks every later hash.
#pragma once

#include <string>
#include <vector>

#include "storage.hpp"

namespace civic::server::audit {

inline const std::string kGenesis(64, '0');

std::string chain_hash(const std::string& prev_hash, const AuditEntry& entry);

struct ChainCheck {
  bool valid = true;
  std::int64_t count = 0;
  std::string head = kGenesis;  // hash of the last valid row
  std::int64_t broken_at = 0;   // seq of the first bad row when !valid
};

// Checks that the rows, in order from seq 1, chain.
ChainCheck verify(const std::vector<AuditEntry>& rows);

Json to_json(const AuditEntry& entry);
Json to_json(const ChainCheck& check);

}  // namespace civic::server::audit
