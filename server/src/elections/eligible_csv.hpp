// eligible_csv.hpp — the eligibility register as the municipality loads it (docs/vote-server.md).
//
//   voter,birth_date,permanent_settlement,current_settlement
//   3f1c…(64 hex),2001-04-17,68134,
// `voter` is voter_hash(municipality key, personal number) (civic/vote/voter_keys.hpp),
// never the number itself; settlements are EKATTE codes (5 digits) or empty. `civic vote
// eligible` makes this file from the clear list on the municipality's own machine.
#pragma once

#include <string>
#include <vector>

#include "civic/result.hpp"
#include "elections/vote_storage.hpp"

namespace civic::server::elections {

inline constexpr const char* kEligibleHeader =
    "voter,birth_date,permanent_settlement,current_settlement";

struct EligibleCsv {
  std::vector<EligibleVoter> voters;
  // vote.register.header, .columns, .voter, .clear_number, .birth_date, .settlement,
  // .duplicate, with path /lines/<line number from 1>; the register is refused if any.
  std::vector<Error> errors;
};

EligibleCsv parse_eligible_csv(const std::string& csv);

}  // namespace civic::server::elections
