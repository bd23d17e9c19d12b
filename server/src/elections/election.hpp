// election.hpp — an election's stored document and its core objects.
//
// ElectionRow::document members:
//   "title" {bg,en}, "manifest" (docs/vote-spec.md §3), "base_hash" (hex, fixed when the
//   ceremony starts), "election_day" (YYYY-MM-DD: ages count on it), "budget_eur",
//   "ceremony" (ceremony.json) | null, "credentials" (how many; the list itself is the
//   voter_credentials table, sorted as credentials.json) | null,
//   "tally" (tally.json, made when voting closes) | null, "partials" [partial decryptions,
//   one per trustee, checked], "result" (result.json) | null, "published_at" once published.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "civic/vote.hpp"
#include "elections/vote_storage.hpp"

namespace civic::server::elections {

// The manifest and ceremony of an election whose ceremony was accepted, parsed once.
struct LoadedElection {
  vote::Election election;
  vote::Ceremony ceremony;
  std::string base_hash;  // hex
};

// Parses the stored manifest and ceremony; null when the ceremony is not in yet.
std::shared_ptr<const LoadedElection> load(const ElectionRow& row);

// Loaded elections by id and version: the key table of an election is computed once, not for
// every ballot.
class ElectionCache {
 public:
  std::shared_ptr<const LoadedElection> get(const ElectionRow& row);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::pair<std::int64_t, std::shared_ptr<const LoadedElection>>>
      loaded_;
};

// What GET /api/v1/elections/{id} answers.
Json public_view(const ElectionRow& row, std::int64_t voters_eligible);

// The empty document of a new election.
Json new_document(const Json& manifest, const vote::Manifest& parsed,
                  const std::string& election_day, std::int64_t budget_eur);

}  // namespace civic::server::elections
