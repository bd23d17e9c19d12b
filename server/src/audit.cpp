#include "audit.hpp"

#include "civic/jcs.hpp"
#include "random.hpp"

namespace civic::server::audit {

namespace {

Json canonical_members(const AuditEntry& entry) {
  return Json{{"seq", entry.seq},       {"at", entry.at},           {"actor", entry.actor},
              {"action", entry.action}, {"subject", entry.subject}, {"details", entry.details}};
}

}  // namespace

std::string chain_hash(const std::string& prev_hash, const AuditEntry& entry) {
  auto canonical = jcs::canonicalize(canonical_members(entry));
  return hash_hex(prev_hash + (canonical ? *canonical : std::string()));
}

ChainCheck verify(const std::vector<AuditEntry>& rows) {
  ChainCheck check;
  for (const auto& row : rows) {
    if (row.seq != check.count + 1 || row.prev_hash != check.head ||
        row.hash != chain_hash(check.head, row)) {
      check.valid = false;
      check.broken_at = row.seq;
      return check;
    }
    check.count = row.seq;
    check.head = row.hash;
  }
  return check;
}

Json to_json(const AuditEntry& entry) {
  Json json = canonical_members(entry);
  json["prev_hash"] = entry.prev_hash;
  json["hash"] = entry.hash;
  return json;
}

Json to_json(const ChainCheck& check) {
  Json json{{"valid", check.valid}, {"count", check.count}, {"head", check.head}};
  if (!check.valid) json["broken_at"] = check.broken_at;
  return json;
}

}  // namespace civic::server::audit
