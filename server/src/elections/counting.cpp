#include "elections/counting.hpp"

#include <algorithm>

namespace civic::server::elections {

namespace {
constexpr int kPage = 1000;
}  // namespace

vote::EncryptedTally tally_cast_ballots(VoteStorage& store, const std::string& election,
                                        const LoadedElection& loaded) {
  vote::TallySum sum(loaded.election.manifest);
  std::int64_t after = 0;
  for (;;) {
    const auto page = store.ballots(election, after, kPage);
    for (const BallotRow& row : page) {
      if (row.status != "cast") continue;
      auto ballot = vote::ballot_from_json(row.entry["ballot"]);
      if (ballot) sum.add(*ballot);  // stored only after verify_ballot passed
    }
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().position;
  }
  return sum.tally();
}

std::vector<vote::PartialDecryption> stored_partials(const Json& document) {
  std::vector<vote::PartialDecryption> partials;
  for (const Json& json : document.value("partials", Json::array())) {
    auto partial = vote::partial_decryption_from_json(json);
    if (partial) partials.push_back(std::move(partial).value());
  }
  return partials;
}

Result<Json> combine(const LoadedElection& loaded, const Json& document) {
  auto tally = vote::tally_from_json(document["tally"]);
  if (!tally) return tally.error();
  vote::DecryptionRecord record;
  record.partials = stored_partials(document);
  auto counts = vote::decrypt_tally(loaded.election, loaded.ceremony, *tally, record.partials);
  if (!counts) return counts.error();
  record.counts = std::move(counts).value();
  return vote::decryption_to_json(loaded.election.manifest, record);
}

std::vector<Count> counts_of(const vote::Manifest& manifest, const Json& result) {
  std::vector<Count> out;
  const Json& counts = result["counts"];
  for (std::size_t c = 0; c < manifest.contests.size(); ++c) {
    const vote::Contest& contest = manifest.contests[c];
    for (std::size_t o = 0; o < contest.options.size(); ++o) {
      const vote::Option& option = contest.options[o];
      out.push_back(Count{contest.id, option.id, option.title, option.cost.value_or(0),
                          counts[c]["options"][o]["votes"].get<std::uint64_t>()});
    }
  }
  return out;
}

Funding fund(const std::vector<Count>& counts, std::uint64_t budget) {
  std::vector<std::size_t> order(counts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&counts](std::size_t a, std::size_t b) {
    if (counts[a].votes != counts[b].votes) return counts[a].votes > counts[b].votes;
    return counts[a].cost < counts[b].cost;
  });
  Funding funding;
  for (const std::size_t i : order) {
    if (counts[i].votes == 0) break;
    if (counts[i].cost <= budget - funding.spent) {
      funding.funded.push_back(counts[i].option);
      funding.spent += counts[i].cost;
    }
  }
  return funding;
}

}  // namespace civic::server::elections
