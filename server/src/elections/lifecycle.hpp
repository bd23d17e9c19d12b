// lifecycle.hpp — an election's states, one step at a time:
//   draft → ceremony → open → closed → tallied → published
// draft: the manifest and the eligibility register may change. ceremony: the manifest is
// frozen (its base hash fixed); the trustees' ceremony output and the registrar's credentials
// are uploaded. open: voters cast. closed: the encrypted tally is fixed and trustees upload
// partial decryptions. tallied: the counts are known. published: results and open data are
// public.
#pragma once

#include <optional>
#include <string>

#include "civic/result.hpp"

namespace civic::server::elections {

inline constexpr const char* kStates[] = {"draft",  "ceremony", "open",
                                          "closed", "tallied",  "published"};

bool is_state(const std::string& state);
// The state after `state`, or nullopt after published.
std::optional<std::string> next_state(const std::string& state);
// Whether ballots, board and results of an election in `state` are public yet.
bool results_public(const std::string& state);

// nullopt when `to` is the step after `from`; else vote.election.transition (409) with both.
std::optional<Error> check_transition(const std::string& from, const std::string& to);

}  // namespace civic::server::elections
