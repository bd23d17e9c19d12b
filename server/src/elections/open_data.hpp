// open_data.hpp — the published results and the anonymised board as open data.
//
//   results.json   GET …/results (turnout, counts, funded, budget, tie rule)
//   results.csv    contest,option,title_bg,title_en,cost_eur,votes,funded
//   board.csv      position,tracking_code,status,received_at (no credential, no device)
//   metadata.json  title, licence (CC BY 4.0), publisher, issued, source, and each file's
//                  schema (fields with type and meaning)
#pragma once

#include <string>
#include <vector>

#include "elections/election.hpp"

namespace civic::server::elections {

// GET …/results of a tallied election.
Json results_json(const ElectionRow& row, const LoadedElection& loaded,
                  std::int64_t voters_eligible);
std::string results_csv(const Json& results);
std::string board_csv(const std::vector<BallotRow>& ballots);
Json metadata_json(const ElectionRow& row, const std::string& base_url);

}  // namespace civic::server::elections
