#include "civic/vote/board.hpp"

#include <map>

#include "json_fields.hpp"

namespace civic::vote {

const char* to_string(EntryStatus status) {
  switch (status) {
    case EntryStatus::cast: return "cast";
    case EntryStatus::superseded: return "superseded";
    case EntryStatus::spoiled: return "spoiled";
  }
  return "cast";
}

Json board_entry_to_json(const Manifest& manifest, const BoardEntry& entry) {
  Json out{{"status", to_string(entry.status)}, {"ballot", ballot_to_json(entry.ballot)}};
  if (entry.opening) out["opening"] = opening_to_json(manifest, *entry.opening);
  return out;
}

Result<BoardEntry> board_entry_from_json(const Manifest& manifest, const Json& json) {
  const std::string prefix = "vote.entry";
  CIVIC_CHECK(detail::expect_object(json, "", {"status", "ballot", "opening"}, prefix));
  BoardEntry entry;
  CIVIC_TRY(status, detail::string_field(json, "status", "", prefix));
  if (status == "cast") {
    entry.status = EntryStatus::cast;
  } else if (status == "superseded") {
    entry.status = EntryStatus::superseded;
  } else if (status == "spoiled") {
    entry.status = EntryStatus::spoiled;
  } else {
    return detail::shape_error(prefix + ".status", "/status", "cast, superseded or spoiled",
                               "cast, superseded или spoiled");
  }
  CIVIC_TRY(ballot_json, detail::field(json, "ballot", "", prefix));
  auto ballot = ballot_from_json(*ballot_json);
  if (!ballot) {
    Error error = std::move(ballot).error();
    error.path = "/ballot" + error.path;
    return error;
  }
  entry.ballot = std::move(ballot).value();
  if (const auto opening_json = json.find("opening"); opening_json != json.end()) {
    auto opening = opening_from_json(manifest, *opening_json);
    if (!opening) {
      Error error = std::move(opening).error();
      error.path = "/opening" + error.path;
      return error;
    }
    entry.opening = std::move(opening).value();
  }
  return entry;
}

void apply_revote_rule(std::vector<BoardEntry>& entries) {
  std::map<Bytes32, BoardEntry*> last;
  for (BoardEntry& entry : entries) {
    if (entry.ballot.choice == Choice::spoil) {
      entry.status = EntryStatus::spoiled;
      continue;
    }
    auto [it, inserted] = last.emplace(entry.ballot.credential, &entry);
    if (!inserted) {
      it->second->status = EntryStatus::superseded;
      it->second = &entry;
    }
    entry.status = EntryStatus::cast;
  }
}

Bytes32 chain_head(const Bytes32& base_hash, const std::vector<BoardEntry>& entries,
                   std::string_view device) {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->ballot.device == device) return it->ballot.tracking_code;
  }
  return chain_start(base_hash, device);
}

VoterHead voter_head(const Bytes32& base_hash, const std::vector<BoardEntry>& entries,
                     const Bytes32& credential) {
  VoterHead head{0, voter_chain_start(base_hash, credential)};
  for (const BoardEntry& entry : entries) {
    if (entry.ballot.credential != credential) continue;
    ++head.sequence;
    head.previous = entry.ballot.tracking_code;
  }
  return head;
}

Result<Unit> check_receipt(const Election& election, const std::vector<BoardEntry>& entries,
                           const Ballot& receipt) {
  if (auto verified = verify_ballot(election, receipt); !verified) return verified;
  for (const BoardEntry& entry : entries) {
    if (entry.ballot.tracking_code != receipt.tracking_code) continue;
    if (entry.ballot == receipt) return Unit{};
    return Error{"vote.receipt.altered",
                 "",
                 {"Бюлетината на таблото се различава от разписката",
                  "The board's ballot with this tracking code differs from the receipt"},
                 {{"tracking_code", to_hex(receipt.tracking_code)}}};
  }
  return Error{"vote.receipt.omitted",
               "",
               {"Бюлетината от разписката липсва на таблото",
                "The ballot of this receipt is not on the board"},
               {{"tracking_code", to_hex(receipt.tracking_code)}, {"sequence", receipt.sequence}}};
}

bool BoardReport::passed() const {
  for (const CheckOutcome& check : checks) {
    if (!check.passed()) return false;
  }
  return checks.size() == static_cast<std::size_t>(kBoardChecks);
}

}  // namespace civic::vote
