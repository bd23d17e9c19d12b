#include "elections/election.hpp"

namespace civic::server::elections {

std::shared_ptr<const LoadedElection> load(const ElectionRow& row) {
  const Json& document = row.document;
  if (!document.contains("ceremony") || document["ceremony"].is_null()) return nullptr;
  auto manifest = vote::parse_manifest(document["manifest"]);
  auto ceremony = vote::ceremony_from_json(document["ceremony"]);
  if (!manifest || !ceremony) return nullptr;  // stored only after these checks passed
  const vote::Point joint_key = ceremony->joint_key;
  return std::make_shared<const LoadedElection>(
      LoadedElection{vote::Election{std::move(manifest).value(), joint_key},
                     std::move(ceremony).value(), document["base_hash"].get<std::string>()});
}

std::shared_ptr<const LoadedElection> ElectionCache::get(const ElectionRow& row) {
  {
    const std::lock_guard lock(mutex_);
    const auto found = loaded_.find(row.id);
    if (found != loaded_.end() && found->second.first == row.version) return found->second.second;
  }
  auto loaded = load(row);
  const std::lock_guard lock(mutex_);
  loaded_[row.id] = {row.version, loaded};
  return loaded;
}

Json public_view(const ElectionRow& row, std::int64_t voters_eligible) {
  const Json& document = row.document;
  const Json& ceremony = document["ceremony"];
  return Json{{"id", row.id},
              {"title", document["title"]},
              {"state", row.state},
              {"manifest", document["manifest"]},
              {"base_hash", document["base_hash"]},
              {"joint_key", ceremony.is_null() ? Json() : ceremony["joint_key"]},
              {"threshold", ceremony.is_null() ? Json() : ceremony["threshold"]},
              {"election_day", document["election_day"]},
              {"budget_eur", document["budget_eur"]},
              {"voters_eligible", voters_eligible},
              {"ballots", row.board_size}};
}

Json new_document(const Json& manifest, const vote::Manifest& parsed,
                  const std::string& election_day, std::int64_t budget_eur) {
  return Json{{"title", manifest["title"]},
              {"manifest", manifest},
              {"base_hash", vote::to_hex(parsed.base_hash)},
              {"election_day", election_day},
              {"budget_eur", budget_eur},
              {"ceremony", nullptr},
              {"credentials", nullptr},
              {"tally", nullptr},
              {"partials", Json::array()},
              {"result", nullptr}};
}

}  // namespace civic::server::elections
