// proposals.hpp — what of a pb_proposal submission becomes public when it is admitted.
//
// Only the project step's answers (title, description, category, scope, target district,
// estimated cost) are published; the proposer's name, personal number, birth date, e-mail
// and phone never leave the sealed envelope. The proposer must have consented to publishing
// (the form's `publish` answer).
#pragma once

#include <optional>

#include "civic/result.hpp"
#include "elections/vote_storage.hpp"

namespace civic::server::elections {

inline constexpr const char* kProposalForm = "pb_proposal";

// The public fields of the opened answers, or vote.proposal.no_consent when the proposer did
// not agree to publishing.
Result<Json> public_fields(const Json& answers);

// {"id", title, description, category, scope, district, cost_eur, admitted_at}.
Json proposal_json(const ProposalRow& row);

}  // namespace civic::server::elections
