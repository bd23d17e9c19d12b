// The elections: created, moved through their states and set up by an admin; read by anyone.
#include <sodium.h>

#include <unordered_set>

#include "civic/date.hpp"
#include "elections/counting.hpp"
#include "elections/eligible_csv.hpp"
#include "elections/lifecycle.hpp"
#include "elections/proposals.hpp"
#include "elections/vote_http.hpp"
#include "elections/vote_routes.hpp"
#include "limits.hpp"
#include "operator_access.hpp"
#include "problem.hpp"
#include "random.hpp"

namespace civic::server::elections {

namespace {

using Request = httplib::Request;
using Response = httplib::Response;

// The manifest of `from_proposals`: one contest whose options are the admitted proposals in
// admission order (id = the proposal's reference, title = its title in both languages, cost =
// its estimated cost).
Json manifest_from_proposals(App& app, const Json& from) {
  Json options = Json::array();
  for (const ProposalRow& row : app.vote->store.admitted_proposals()) {
    Json option{{"id", row.reference},
                {"title",
                 {{"bg", row.public_fields.value("title", "")},
                  {"en", row.public_fields.value("title", "")}}}};
    const Json cost = row.public_fields.value("cost_eur", Json());
    if (cost.is_number_integer()) option["cost"] = cost;
    options.push_back(std::move(option));
  }
  const Json contest = from.value("contest", Json::object());
  return Json{{"id", from.value("id", Json())},
              {"title", from.value("title", Json())},
              {"contests",
               {{{"id", contest.value("id", Json())},
                 {"title", contest.value("title", Json())},
                 {"min", contest.value("min", Json())},
                 {"max", contest.value("max", Json())},
                 {"options", options}}}}};
}

void create(App& app, const Request& request, Response& response) {
  const auto op = signed_in_as(app, request, response, {"admin"});
  if (!op) return;
  const auto body = object_body(app, request, response);
  if (!body) return;
  const Json day = body->value("election_day", Json());
  const Json budget = body->value("budget_eur", Json());
  if (!day.is_string() || !parse_iso_date(day.get<std::string>()).ok() ||
      !budget.is_number_unsigned()) {
    return refuse(response, 422, "vote.election.fields",
                  "Нужни са election_day (ГГГГ-ММ-ДД) и budget_eur (цяло число ≥ 0)",
                  "election_day (YYYY-MM-DD) and budget_eur (a whole number ≥ 0) are required");
  }
  const bool from_proposals = body->contains("from_proposals");
  if (from_proposals == body->contains("manifest")) {
    return refuse(response, 422, "vote.election.fields", "Дайте или manifest, или from_proposals",
                  "Give either manifest or from_proposals");
  }
  const Json manifest = from_proposals ? manifest_from_proposals(app, (*body)["from_proposals"])
                                       : (*body)["manifest"];
  auto parsed = vote::parse_manifest(manifest);
  if (!parsed) return refuse(response, 422, parsed.error());
  const ElectionRow row{
      parsed->id,
      "draft",
      1,
      new_document(manifest, *parsed, day.get<std::string>(), budget.get<std::int64_t>()),
      0,
      utc_timestamp(unix_now())};
  const auto created =
      app.vote->store.create_election(row, audit_entry(op->username, "election_create", row.id,
                                                       {{"base_hash", row.document["base_hash"]}}));
  if (!created) return storage_unavailable(response, created.error());
  if (!*created) {
    return refuse(response, 409, "vote.election.exists", "Гласуване с този идентификатор вече има",
                  "An election with this id exists already");
  }
  send_json(response, 201, public_view(row, 0));
}

// What must be in place before `to`; fills in the tally (closed) and the result (tallied).
std::optional<Error> prepare(App& app, ElectionRow& row, const std::string& to) {
  const auto not_ready = [](std::string bg, std::string en) {
    return server_error("vote.election.not_ready", "/to", std::move(bg), std::move(en));
  };
  Json& document = row.document;
  if (to == "open" && (document["ceremony"].is_null() || document["credentials"].is_null())) {
    return not_ready("Първо се качват церемонията на пазителите и удостоверенията",
                     "The trustees' ceremony and the credentials must be uploaded first");
  }
  if (to == "published") document["published_at"] = utc_timestamp(app.vote->now());
  if (to == "closed" || to == "tallied") {
    const auto loaded = app.vote->cache.get(row);
    if (to == "closed") {
      document["tally"] = vote::tally_to_json(loaded->election.manifest.base_hash,
                                              tally_cast_ballots(app.vote->store, row.id, *loaded));
    } else {
      auto result = combine(*loaded, document);
      if (!result) return result.error();
      document["result"] = std::move(result).value();
    }
  }
  return std::nullopt;
}

void change_state(App& app, const Request& request, Response& response) {
  const auto op = signed_in_as(app, request, response, {"admin"});
  if (!op) return;
  const auto body = object_body(app, request, response);
  if (!body) return;
  auto row = find_election(app, request, response);
  if (!row) return;
  const Json to_value = body->value("to", Json());
  const std::string to = to_value.is_string() ? to_value.get<std::string>() : "";
  if (auto refused = check_transition(row->state, to)) return refuse(response, 409, *refused);
  const std::string from = row->state;
  if (auto refused = prepare(app, *row, to)) return refuse(response, 409, *refused);
  row->state = to;
  const auto changed = app.vote->store.update_election(
      *row, audit_entry(op->username, "election_state", row->id, {{"from", from}, {"to", to}}));
  if (!changed) return storage_unavailable(response, changed.error());
  if (!*changed) {
    return changed_meanwhile(response);
  }
  ++row->version;
  send_json(response, 200, public_view(*row, app.vote->store.eligible_count(row->id)));
}

// Stores `row` (changed by an upload) or answers why not.
void store_upload(App& app, const Operator& op, ElectionRow& row, const std::string& action,
                  const Json& details, Response& response, const Json& answer) {
  const auto changed =
      app.vote->store.update_election(row, audit_entry(op.username, action, row.id, details));
  if (!changed) return storage_unavailable(response, changed.error());
  if (!*changed) {
    return changed_meanwhile(response);
  }
  send_json(response, 200, answer);
}

void upload_ceremony(App& app, const Request& request, Response& response) {
  const auto op = signed_in_as(app, request, response, {"admin"});
  if (!op) return;
  const auto body = object_body(app, request, response);
  if (!body) return;
  auto row = find_election(app, request, response);
  if (!row || !in_state(*row, "ceremony", response)) return;
  auto ceremony = vote::ceremony_from_json(*body);
  if (!ceremony) return refuse(response, 422, ceremony.error());
  const std::string base_hash = row->document["base_hash"];
  auto election = vote::election_of(*body);
  if (!election || vote::to_hex(*election) != base_hash) {
    return refuse(response, 422, "vote.ceremony.wrong_election", "Церемонията е за друго гласуване",
                  "The ceremony is for another election", "/election");
  }
  auto verified = vote::verify_ceremony(*election, *ceremony);
  if (!verified) return refuse(response, 422, verified.error());
  row->document["ceremony"] = *body;
  const std::string joint_key = vote::to_hex(ceremony->joint_key.bytes());
  store_upload(app, *op, *row, "election_ceremony",
               {{"joint_key", joint_key}, {"threshold", ceremony->threshold}}, response,
               {{"joint_key", joint_key}});
}

void upload_eligible(App& app, const Request& request, Response& response) {
  const auto op = signed_in_as(app, request, response, {"admin"});
  if (!op) return;
  auto row = find_election(app, request, response);
  if (!row) return;
  if (row->state != "draft" && !in_state(*row, "ceremony", response)) return;
  if (!has_media_type(request, "text/csv")) {
    return refuse(response, 415, "http.media_type", "Очаква се CSV файл", "A CSV file expected");
  }
  const EligibleCsv csv = parse_eligible_csv(request.body);
  if (!csv.errors.empty()) {
    send_problem(response, 422, "vote-register-refused", "The register has errors", csv.errors);
    return;
  }
  const auto stored = app.vote->store.replace_eligible(
      row->id, row->state, csv.voters,
      audit_entry(op->username, "election_eligible", row->id,
                  {{"voters", csv.voters.size()}, {"sha", hash_hex(request.body)}}));
  if (!stored) return storage_unavailable(response, stored.error());
  if (!*stored) {
    return changed_meanwhile(response);
  }
  send_json(response, 200, {{"voters", csv.voters.size()}});
}

// The registrar's sealed credentials: each opens (with the server's envelope key) to the seed
// of a listed credential, and each listed credential belongs to one eligible voter.
std::optional<Error> check_credentials(App& app, const ElectionRow& row, const Json& listed_json,
                                       const Json& sealed, std::vector<VoterCredentialRow>& rows) {
  const auto bad = [](std::string path, std::string bg, std::string en) {
    return server_error("vote.credentials.invalid", std::move(path), std::move(bg), std::move(en));
  };
  auto listed = vote::credentials_from_json(listed_json);
  if (!listed) return listed.error();
  auto election = vote::election_of(listed_json);
  if (!election || vote::to_hex(*election) != row.document["base_hash"].get<std::string>()) {
    return bad("/credentials/election", "Удостоверенията са за друго гласуване",
               "The credentials are for another election");
  }
  if (!sealed.is_array() || sealed.size() != listed->size()) {
    return bad("/sealed", "По едно запечатано удостоверение за всяко публикувано",
               "One sealed credential for each listed one");
  }
  std::unordered_set<std::string> public_keys;
  for (const vote::Bytes32& key : *listed) public_keys.insert(vote::to_hex(key));
  std::unordered_set<std::string> voters;
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    const std::string path = "/sealed/" + std::to_string(i);
    const Json& item = sealed[i];
    std::array<std::uint8_t, 32 + crypto_box_SEALBYTES> box{};
    vote::Bytes32 seed{};
    if (!item.is_object() || !item.value("voter", Json()).is_string() ||
        !item.value("sealed", Json()).is_string() ||
        !vote::from_hex(item["sealed"].get<std::string>(), box) ||
        crypto_box_seal_open(seed.data(), box.data(), box.size(), app.keys.envelope_public.data(),
                             app.keys.envelope_secret.data()) != 0) {
      return bad(path, "Запечатаното удостоверение не се отваря с ключа на сървъра",
                 "The sealed credential does not open with the server's key");
    }
    const std::string voter = item["voter"];
    const std::string credential = vote::to_hex(vote::credential_from_seed(seed).public_key);
    sodium_memzero(seed.data(), seed.size());
    if (public_keys.count(credential) == 0 || !voters.insert(voter).second ||
        !app.vote->store.eligible_voter(row.id, voter)) {
      return bad(path,
                 "Удостоверението не е в списъка или избирателят не е в регистъра (или е два пъти)",
                 "The credential is not listed, or the voter is not on the register (or twice)");
    }
    public_keys.erase(credential);
    rows.push_back(VoterCredentialRow{voter, credential, item["sealed"]});
  }
  return std::nullopt;
}

void upload_credentials(App& app, const Request& request, Response& response) {
  const auto op = signed_in_as(app, request, response, {"admin"});
  if (!op) return;
  const auto body = object_body(app, request, response);
  if (!body) return;
  auto row = find_election(app, request, response);
  if (!row || !in_state(*row, "ceremony", response)) return;
  const Json listed = body->value("credentials", Json());
  std::vector<VoterCredentialRow> rows;
  if (auto refused = check_credentials(app, *row, listed, body->value("sealed", Json()), rows)) {
    return refuse(response, 422, *refused);
  }
  row->document["credentials"] = rows.size();
  const auto stored = app.vote->store.replace_credentials(
      *row, rows,
      audit_entry(op->username, "election_credentials", row->id, {{"credentials", rows.size()}}));
  if (!stored) return storage_unavailable(response, stored.error());
  if (!*stored) return changed_meanwhile(response);
  send_json(response, 200, {{"credentials", rows.size()}});
}

void list_elections(App& app, const Request&, Response& response) {
  Json elections = Json::array();
  for (const ElectionRow& row : app.vote->store.elections()) {
    elections.push_back({{"id", row.id}, {"title", row.document["title"]}, {"state", row.state}});
  }
  send_json(response, 200, {{"elections", elections}});
}

void show(App& app, const Request& request, Response& response) {
  const auto row = find_election(app, request, response);
  if (!row) return;
  send_json(response, 200, public_view(*row, app.vote->store.eligible_count(row->id)));
}

}  // namespace

void add_election_routes(Router& router, App& app) {
  router.add("POST", "/api/v1/admin/elections", bind(app, create));
  router.add("POST", "/api/v1/admin/elections/{id}/state", bind(app, change_state));
  router.add("POST", "/api/v1/admin/elections/{id}/ceremony", bind(app, upload_ceremony));
  router.add("POST", "/api/v1/admin/elections/{id}/eligible", bind(app, upload_eligible));
  router.add("POST", "/api/v1/admin/elections/{id}/credentials", bind(app, upload_credentials));
  router.add("GET", "/api/v1/elections", bind(app, list_elections));
  router.add("GET", "/api/v1/elections/{id}", bind(app, show));
}

}  // namespace civic::server::elections
