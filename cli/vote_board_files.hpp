// The bulletin board as files in a directory (the CLI's side of civic/vote/board.hpp).
//   manifest.json ceremony.json credentials.json ballots.jsonl tally.json result.json
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civic/vote.hpp"

namespace civic::cli {

// The file's JSON, or null when it does not exist. A file that exists but is not
// strict JSON (civic/strict_json.hpp) gives a message on stderr and nullopt.
std::optional<vote::Json> read_json_file(const std::string& path);
// Writes the JSON (pretty when `pretty`) through a temporary file and a rename.
bool write_json_file(const std::string& path, const vote::Json& json, bool pretty = true);

// All board records, read strictly (vote::read_board_records); ballots.jsonl becomes an
// array of its lines' JSON.
Result<vote::BoardRecords> read_board(const std::string& dir);
// The parsed manifest of the board, or a message on stderr.
std::optional<vote::Manifest> read_manifest(const std::string& dir);
// The board's entries, or a message on stderr.
std::optional<std::vector<vote::BoardEntry>> read_entries(const std::string& dir,
                                                          const vote::Manifest& manifest);
bool write_entries(const std::string& dir, const vote::Manifest& manifest,
                   const std::vector<vote::BoardEntry>& entries);

// Prints "civic: <context>: <code> at <path>: <message>" on stderr.
void print_error(const std::string& context, const Error& error);

}  // namespace civic::cli
