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
// "opening": {...} (spoiled only)}. Each credential's ballots form a chain the voter
// signed (sequence 0, 1, …, each linking to the previous one's tracking code); a
// ballot the voter signed as "spoil" is "spoiled", the last one signed "cast" is
// "cast" (counted) and every earlier one "superseded".
//
// verify_board() runs the numbered checklist of the spec from these records alone
// and reports every check; it never stops at the first failure. It may run its
// independent pieces on the caller's threads (civic/vote/for_each.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civic/vote/for_each.hpp"
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

// Re-voting: marks the entries the voter signed "spoil" spoiled and, per credential, the
// last entry signed "cast" cast and the earlier ones superseded.
void apply_revote_rule(std::vector<BoardEntry>& entries);

// Where a credential's next ballot continues its chain: the number of its entries on
// the board and the tracking code of its last one (voter_chain_start() if none).
struct VoterHead {
  std::uint32_t sequence = 0;
  Bytes32 previous{};
};
VoterHead voter_head(const Bytes32& base_hash, const std::vector<BoardEntry>& entries,
                     const Bytes32& credential);

// The tracking code a device's next ballot must chain to: that of its last entry, or
// chain_start(base hash, device).
Bytes32 chain_head(const Bytes32& base_hash, const std::vector<BoardEntry>& entries,
                   std::string_view device);

// A voter's check of their receipt — the ballot exactly as their device signed and
// submitted it — against the board's entries. The receipt is a statement signed by the
// voter's credential, so a failure here is a proof anyone can check:
//   verify_ballot's errors          the receipt itself is not a valid signed ballot
//   vote.receipt.omitted            no entry carries its tracking code
//   vote.receipt.altered            the entry with its code differs from it
// (A ballot the server never accepted leaves no receipt: see the spec's §12.)
Result<Unit> check_receipt(const Election& election, const std::vector<BoardEntry>& entries,
                           const Ballot& receipt);

// The records as read from the board; a missing record is null. `ballots` is the array
// of entries (the lines of ballots.jsonl); null when ballots.jsonl does not exist, which
// the verifier refuses (vote.verify.missing): an election without ballots has an
// empty ballots.jsonl.
struct BoardRecords {
  Json manifest;
  Json ceremony;
  Json credentials;
  Json ballots = Json::array();
  Json tally;
  Json result;
};

// The board's files as bytes; nullopt when a file does not exist.
struct BoardFiles {
  std::optional<std::string> manifest;
  std::optional<std::string> ceremony;
  std::optional<std::string> credentials;
  std::optional<std::string> ballots;  // ballots.jsonl
  std::optional<std::string> tally;
  std::optional<std::string> result;
};

// Strict reading (docs/vote-spec.md §9.1). Each .json file is one JSON value read by
// parse_strict_json (no BOM, no repeated member name); ballots.jsonl is empty or lines
// each ending in "\n", each line one such value. Errors, with the path of the record as
// the verifier names it (/manifest, /ballots/<line index>, ...) before the JSON pointer:
//   json.bom, json.syntax, json.duplicate_key    (civic/strict_json.hpp)
//   vote.ballots.blank_line                       an empty or white-space line
//   vote.ballots.line_end                         the last line does not end in "\n"
Result<BoardRecords> read_board_records(const BoardFiles& files);

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

// The ballots' parsing and proof checks — nearly all of the work — are independent
// pieces, one per line of ballots.jsonl, run by `for_each`; the report is the same
// whichever ForEach runs them.
BoardReport verify_board(const BoardRecords& records, const ForEach& for_each = for_each_in_order);

}  // namespace civic::vote
