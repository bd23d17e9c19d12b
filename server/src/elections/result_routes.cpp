// Closing and counting: the encrypted tally, trustees' partial decryptions, results, open data.
#include "civic/vote.hpp"
#include "elections/counting.hpp"
#include "elections/open_data.hpp"
#include "elections/vote_http.hpp"
#include "elections/vote_routes.hpp"
#include "operator_access.hpp"
#include "problem.hpp"

namespace civic::server::elections {

namespace {

using Request = httplib::Request;
using Response = httplib::Response;

constexpr int kUploadTries = 5;

void tally(App& app, const Request& request, Response& response) {
  const auto row = find_election(app, request, response);
  if (!row) return;
  if (row->document["tally"].is_null()) return (void)in_state(*row, "closed", response);
  send_json(response, 200, row->document["tally"]);
}

// Checks the trustee's partial decryption against its public share; nullopt when it passes.
std::optional<Error> check_partial(const LoadedElection& loaded, const Json& document,
                                   const Json& body, std::uint32_t index,
                                   vote::PartialDecryption& partial) {
  auto parsed = vote::partial_decryption_from_json(body);
  if (!parsed) return parsed.error();
  auto election = vote::election_of(body);
  if (!election || vote::to_hex(*election) != loaded.base_hash || parsed->trustee != index) {
    return server_error("vote.decryption.wrong_trustee", "/trustee",
                        "Частичното дешифриране е за друго гласуване или друг пазител",
                        "The partial decryption is for another election or trustee");
  }
  auto sum = vote::tally_from_json(document["tally"]);
  if (!sum) return sum.error();
  if (auto verified =
          vote::verify_partial_decryption(loaded.election, loaded.ceremony, *sum, *parsed);
      !verified) {
    Error error = verified.error();
    error.params["cause"] = error.code;
    error.code = "vote.decryption.invalid";
    return error;
  }
  partial = std::move(parsed).value();
  return std::nullopt;
}

void upload_decryption(App& app, const Request& request, Response& response) {
  const auto body = object_body(app, request, response);
  if (!body) return;
  const std::string index_text = request.matches[2];
  const bool numeric = !index_text.empty() && index_text.size() <= 2 &&
                       index_text.find_first_not_of("0123456789") == std::string::npos;
  for (int attempt = 0; attempt < kUploadTries; ++attempt) {
    auto row = find_election(app, request, response);
    if (!row || !in_state(*row, "closed", response)) return;
    const auto loaded = app.vote->cache.get(*row);
    const std::uint32_t index = numeric ? static_cast<std::uint32_t>(std::stoul(index_text)) : 0;
    vote::PartialDecryption partial;
    if (auto refused = check_partial(*loaded, row->document, *body, index, partial)) {
      return refuse(response, 422, *refused);
    }
    Json& partials = row->document["partials"];
    for (const Json& stored : partials) {
      if (stored["trustee"] == index) {
        return refuse(response, 409, "vote.decryption.duplicate",
                      "Този пазител вече е качил своето частично дешифриране",
                      "This trustee has uploaded their partial decryption already");
      }
    }
    partials.push_back(*body);
    const auto changed = app.vote->store.update_election(
        *row,
        audit_entry("trustee-" + index_text, "election_decryption", row->id, {{"trustee", index}}));
    if (!changed) return storage_unavailable(response, changed.error());
    if (*changed) {
      send_json(response, 200,
                {{"received", partials.size()}, {"threshold", loaded->ceremony.threshold}});
      return;
    }
  }
  changed_meanwhile(response);
}

// The results of a published election, or nullopt after answering 409.
std::optional<Json> published_results(App& app, const ElectionRow& row, Response& response) {
  if (!in_state(row, "published", response)) return std::nullopt;
  const auto loaded = app.vote->cache.get(row);
  return results_json(row, *loaded, app.vote->store.eligible_count(row.id));
}

void results(App& app, const Request& request, Response& response) {
  const auto row = find_election(app, request, response);
  if (!row) return;
  if (auto answer = published_results(app, *row, response)) send_json(response, 200, *answer);
}

void open_data(App& app, const Request& request, Response& response) {
  const auto row = find_election(app, request, response);
  if (!row) return;
  const std::string file = request.matches[2];
  if (file != "results.json" && file != "results.csv" && file != "board.csv" &&
      file != "metadata.json") {
    return refuse(response, 404, "vote.open_data.unknown", "Няма такъв файл с отворени данни",
                  "There is no such open data file");
  }
  const auto answer = published_results(app, *row, response);
  if (!answer) return;
  if (file == "results.json") return send_json(response, 200, *answer);
  if (file == "results.csv") return response.set_content(results_csv(*answer), "text/csv");
  if (file == "metadata.json") {
    return send_json(response, 200,
                     metadata_json(*row, "/api/v1/elections/" + row->id + "/open-data/"));
  }
  response.set_content(board_csv(app.vote->store.ballots(row->id, 0, INT32_MAX)), "text/csv");
}

}  // namespace

void add_result_routes(Router& router, App& app) {
  router.add("GET", "/api/v1/elections/{id}/tally", bind(app, tally));
  router.add("POST", "/api/v1/elections/{id}/trustees/{index}/decryption",
             bind(app, upload_decryption));
  router.add("GET", "/api/v1/elections/{id}/results", bind(app, results));
  router.add("GET", "/api/v1/elections/{id}/open-data/{file}", bind(app, open_data));
}

}  // namespace civic::server::elections
