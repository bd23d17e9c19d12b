// counting.hpp — from the board to the published result.
//
//   close:   the encrypted tally of every entry with status cast (each was verified when it
//            was accepted), as tally.json;
//   trustee: one partial decryption, checked against the trustee's public share;
//   tallied: the first k partial decryptions combined, counts solved, as result.json;
//   funded:  options in descending votes taken while their cost fits what is left of the
//            budget (CONSUL Democracy's rule: a proposal that does not fit is skipped and
//            cheaper ones further down may still be funded; an option without votes is
//            never funded). Ties in votes: the cheaper
//            first, then the manifest's order (admission order).
#pragma once

#include <string>
#include <vector>

#include "civic/vote.hpp"
#include "elections/election.hpp"

namespace civic::server::elections {

inline constexpr const char* kTieRule =
    "equal votes: the lower cost first, then the earlier option of the manifest";

// The encrypted tally of the election's cast entries. Throws StorageError.
vote::EncryptedTally tally_cast_ballots(VoteStorage& store, const std::string& election,
                                        const LoadedElection& loaded);

// The stored partial decryptions (document "partials") parsed.
std::vector<vote::PartialDecryption> stored_partials(const Json& document);

// result.json from the stored tally and partials (vote.decryption.quorum when fewer than k).
Result<Json> combine(const LoadedElection& loaded, const Json& document);

struct Count {
  std::string contest;
  std::string option;
  vote::Title title;
  std::uint64_t cost = 0;
  std::uint64_t votes = 0;
};

// Every option's votes from result.json, in manifest order.
std::vector<Count> counts_of(const vote::Manifest& manifest, const Json& result);

// The funded option ids (CONSUL's rule above) and what they cost.
struct Funding {
  std::vector<std::string> funded;
  std::uint64_t spent = 0;
};
Funding fund(const std::vector<Count>& counts, std::uint64_t budget);

}  // namespace civic::server::elections
