#include "elections/open_data.hpp"

#include <algorithm>

#include "elections/counting.hpp"

namespace civic::server::elections {

namespace {

// A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break.
std::string cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

Json field(const char* name, const char* type, const char* meaning) {
  return Json{{"name", name}, {"type", type}, {"description", meaning}};
}

}  // namespace

Json results_json(const ElectionRow& row, const LoadedElection& loaded,
                  std::int64_t voters_eligible) {
  const Json& document = row.document;
  const auto counts = counts_of(loaded.election.manifest, document["result"]);
  const auto budget = document["budget_eur"].get<std::uint64_t>();
  const Funding funding = fund(counts, budget);
  Json counts_json = Json::array();
  for (const Count& count : counts) {
    counts_json.push_back({{"contest_id", count.contest},
                           {"option_id", count.option},
                           {"title", {{"bg", count.title.bg}, {"en", count.title.en}}},
                           {"cost_eur", count.cost},
                           {"votes", count.votes},
                           {"funded", std::find(funding.funded.begin(), funding.funded.end(),
                                                count.option) != funding.funded.end()}});
  }
  return Json{
      {"election", row.id},
      {"title", document["title"]},
      {"turnout",
       {{"voters_eligible", voters_eligible}, {"ballots_cast", document["tally"]["ballots"]}}},
      {"counts", counts_json},
      {"funded", funding.funded},
      {"budget_eur", budget},
      {"spent_eur", funding.spent},
      {"tie_rule", kTieRule},
      {"published_at", document.value("published_at", Json())}};
}

std::string results_csv(const Json& results) {
  std::string csv = "contest,option,title_bg,title_en,cost_eur,votes,funded\n";
  for (const Json& count : results["counts"]) {
    csv += cell(count["contest_id"]) + "," + cell(count["option_id"]) + "," +
           cell(count["title"]["bg"]) + "," + cell(count["title"]["en"]) + "," +
           std::to_string(count["cost_eur"].get<std::uint64_t>()) + "," +
           std::to_string(count["votes"].get<std::uint64_t>()) + "," +
           (count["funded"].get<bool>() ? "true" : "false") + "\n";
  }
  return csv;
}

std::string board_csv(const std::vector<BallotRow>& ballots) {
  std::string csv = "position,tracking_code,status,received_at\n";
  for (const BallotRow& ballot : ballots) {
    csv += std::to_string(ballot.position) + "," + ballot.tracking_code + "," + ballot.status +
           "," + ballot.received_at + "\n";
  }
  return csv;
}

Json metadata_json(const ElectionRow& row, const std::string& base_url) {
  const Json& document = row.document;
  return Json{
      {"title", document["title"]},
      {"licence", {{"id", "CC-BY-4.0"}, {"url", "https://creativecommons.org/licenses/by/4.0/"}}},
      {"publisher", "Столична община / Sofia Municipality"},
      {"issued", document.value("published_at", Json())},
      {"source", base_url},
      {"verification",
       "Download board.tar from the source and run `civic vote verify board`; the counts in "
       "results are those of board/result.json"},
      {"files",
       {{{"name", "results.json"}, {"media_type", "application/json"}},
        {{"name", "results.csv"},
         {"media_type", "text/csv"},
         {"schema",
          {{"fields",
            {field("contest", "string", "the contest's id in the manifest"),
             field("option", "string", "the option's id (a proposal's reference)"),
             field("title_bg", "string", "the option's title in Bulgarian"),
             field("title_en", "string", "the option's title in English"),
             field("cost_eur", "integer", "the estimated cost in euro"),
             field("votes", "integer", "ballots counted that selected it"),
             field("funded", "boolean", "funded within the budget (tie_rule in results.json)")}}}}},
        {{"name", "board.csv"},
         {"media_type", "text/csv"},
         {"schema",
          {{"fields",
            {field("position", "integer", "order on the board, from 1"),
             field("tracking_code", "string", "the ballot's tracking code (hex)"),
             field("status", "string", "cast (counted), superseded (re-voted) or spoiled"),
             field("received_at", "string", "when the server received it (UTC)")}}}}}}}};
}

}  // namespace civic::server::elections
