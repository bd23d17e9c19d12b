// Fuzz target: any JSON as a whole bulletin board {"manifest", "ceremony", "credentials",
// "ballots", "tally", "result"} (a missing record is null), run through the verifier's
// numbered checklist. Every check must report, whatever the records hold.
#include <cstddef>
#include <cstdint>

#include "civic/vote.hpp"
#include "fuzz_input.hpp"

namespace {

civic::fuzz::Json record(const civic::fuzz::Json& board, const char* name) {
  const auto found = board.find(name);
  return found == board.end() ? civic::fuzz::Json() : *found;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto board = civic::fuzz::parse(data, size);
  if (!board || !board->is_object()) return 0;
  civic::vote::BoardRecords records;
  records.manifest = record(*board, "manifest");
  records.ceremony = record(*board, "ceremony");
  records.credentials = record(*board, "credentials");
  records.ballots = record(*board, "ballots");
  records.tally = record(*board, "tally");
  records.result = record(*board, "result");
  const civic::vote::BoardReport report = civic::vote::verify_board(records);
  civic::fuzz::require(report.checks.size() == civic::vote::kBoardChecks,
                       "the board verifier skipped a check");
  return 0;
}
