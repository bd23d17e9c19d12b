// civic/vote/board.hpp — the public bulletin board and its verifier.
//
// The board is a set of public records (docs/vote-spec.md §9):
//   manifest.json     the frozen manifest
//   ceremony.json     trustee commitments, proofs and the joint key
//   credentials.json  the voter credentials (Ed25519 public keys) listed before voting
//   ballots.jsonl     every submitted ballot in order, one entry per line
//   tally.json        the encrypted tally of the counted ballots
//   result.json       partial decryptions with proofs, and the counts
// A board entry is {"status": "cast" | "superseded" | "spoiled", "ballot": {...},
// "opening": {...} (spoiled only)}. For each credential the last non-spoiled ballot is
// "cast" (counted) and every earlier one "superseded".
//
// verify_board() runs the numbered checklist of the spec from these records alone
// and reports every check; it never stops at the first failure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civic/vote/json_codec.hpp"

namespace civic::vote {

enum class EntryStatus { cast, superseded, spoiled };
const char* to_string(EntryStatus status);

struct BoardEntry {
  EntryStatus status = EntryStatus::cast;
  Ballot ballot;
  std::optional<Opening> opening;  // spoiled entries only
};

Json board_entry_to_json(const Manifest& manifest, const BoardEntry& entry);
Result<BoardEntry> board_entry_from_json(const Manifest& manifest, const Json& json);

// Re-voting: marks, per credential, the last non-spoiled entry cast and the earlier
// ones superseded.
void apply_revote_rule(std::vector<BoardEntry>& entries);

// The tracking code a device's next ballot must chain to: that of its last entry, or
// chain_start(base hash, device).
Bytes32 chain_head(const Bytes32& base_hash, const std::vector<BoardEntry>& entries,
                   std::string_view device);

// The records as read from the board; a missing record is null. `ballots` is the array
// of entries (the lines of ballots.jsonl).
struct BoardRecords {
  Json manifest;
  Json ceremony;
  Json credentials;
  Json ballots = Json::array();
  Json tally;
  Json result;
};

struct CheckOutcome {
  int number = 0;
  std::string title;
  std::size_t checked = 0;   // items examined (ballots, proofs, ...)
  std::size_t failures = 0;  // items that failed
  std::optional<Error> first_failure;
  bool passed() const { return failures == 0; }
};

struct BoardReport {
  std::vector<CheckOutcome> checks;  // numbers 1..kBoardChecks, in order
  bool passed() const;
};

inline constexpr int kBoardChecks = 15;

BoardReport verify_board(const BoardRecords& records);

}  // namespace civic::vote
