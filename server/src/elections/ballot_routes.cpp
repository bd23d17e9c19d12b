// Casting (POST /api/v1/elections/{id}/ballots) and the public board.
#include <sodium.h>

#include "auth.hpp"
#include "civic/jcs.hpp"
#include "civic/vote.hpp"
#include "elections/tar_writer.hpp"
#include "elections/vote_http.hpp"
#include "elections/vote_routes.hpp"
#include "problem.hpp"
#include "random.hpp"

namespace civic::server::elections {

namespace {

using Request = httplib::Request;
using Response = httplib::Response;

constexpr const char* kReceiptFormat = "civickit-ballot-receipt/1";
constexpr int kMaxPage = 1000;

// The voting session of the request's bearer token, or nullopt after answering 401.
std::optional<VoterSession> voter_session(App& app, const Request& request, Response& response) {
  const std::string token = bearer_token(request);
  auto session =
      token.empty() ? std::nullopt : app.vote->store.session(hash_hex(token), app.vote->now());
  if (!session || session->election != request.matches[1]) {
    response.set_header("WWW-Authenticate", "Bearer");
    refuse(response, 401, "vote.session.unknown",
           "Сесията за гласуване е изтекла или е невалидна; потвърдете се отново с код",
           "The voting session has expired or is not valid; confirm again with a code");
    return std::nullopt;
  }
  return session;
}

// The signed receipt: Ed25519 (the receipt key of /api/v1/profile) over JCS(receipt).
Json signed_receipt(App& app, const Json& receipt) {
  const std::string text = jcs::canonicalize(receipt).value();
  std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> public_key{};
  std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secret_key{};
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), app.keys.receipt_seed.data());
  std::array<std::uint8_t, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       secret_key.data());
  sodium_memzero(secret_key.data(), secret_key.size());
  return Json{{"receipt", receipt},
              {"signature", vote::to_hex(signature)},
              {"key_id", vote::to_hex(public_key).substr(0, 16)}};
}

// The core's checks of the entry and that it is the session voter's; nullopt when it passes.
std::optional<Error> check_entry(App& app, const LoadedElection& loaded,
                                 const VoterSession& session, const vote::BoardEntry& entry) {
  const vote::Ballot& ballot = entry.ballot;
  const bool spoiled = entry.status == vote::EntryStatus::spoiled;
  if (entry.status == vote::EntryStatus::superseded ||
      spoiled != (ballot.choice == vote::Choice::spoil)) {
    return server_error("vote.ballot.status", "/status",
                        "Бюлетина с избор cast се подава като cast, а spoil — като spoiled",
                        "A ballot signed cast is sent as cast, one signed spoil as spoiled");
  }
  if (auto verified = vote::verify_ballot(loaded.election, ballot); !verified) {
    return verified.error();
  }
  if (spoiled) {
    if (auto opened = vote::verify_opening(loaded.election, ballot, *entry.opening); !opened) {
      return opened.error();
    }
  }
  const auto mine = app.vote->store.credential_of(session.election, session.voter);
  if (!mine || mine->credential != vote::to_hex(ballot.credential)) {
    return server_error("vote.credential.not_yours", "/ballot/credential",
                        "Бюлетината е подписана с удостоверение, което не е Вашето",
                        "The ballot is signed with a credential that is not yours");
  }
  return std::nullopt;
}

void cast(App& app, const Request& request, Response& response) {
  const auto session = voter_session(app, request, response);
  if (!session) return;
  const auto body = object_body(app, request, response);
  if (!body) return;
  const auto row = find_election(app, request, response);
  if (!row) return;
  if (row->state != "open") {
    return refuse(response, 409, "vote.election.closed", "Гласуването не е отворено",
                  "The election is not open for voting");
  }
  const auto loaded = app.vote->cache.get(*row);
  auto entry = vote::board_entry_from_json(loaded->election.manifest, *body);
  if (!entry) return refuse(response, 422, entry.error());
  if (auto refused = check_entry(app, *loaded, *session, *entry)) {
    return refuse(response, 422, *refused);
  }
  const vote::Ballot& ballot = entry->ballot;
  const vote::Bytes32& base = loaded->election.manifest.base_hash;
  const bool spoiled = entry->status == vote::EntryStatus::spoiled;
  BallotRow stored{0,
                   vote::to_hex(ballot.tracking_code),
                   vote::to_hex(ballot.credential),
                   ballot.sequence,
                   ballot.device,
                   spoiled ? "spoiled" : "cast",
                   vote::board_entry_to_json(loaded->election.manifest, *entry),
                   utc_timestamp(app.vote->now())};
  const ChainCheck chain{vote::to_hex(vote::voter_chain_start(base, ballot.credential)),
                         vote::to_hex(vote::chain_start(base, ballot.device)),
                         vote::to_hex(ballot.voter_previous), vote::to_hex(ballot.previous)};
  const auto appended = app.vote->store.append_ballot(row->id, stored, chain);
  if (!appended) return storage_unavailable(response, appended.error());
  if (*appended == AppendOutcome::closed) {
    return refuse(response, 409, "vote.election.closed", "Гласуването не е отворено",
                  "The election is not open for voting");
  }
  if (*appended == AppendOutcome::stale) {
    return refuse(response, 409, "vote.ballot.stale",
                  "Бюлетината не продължава веригата Ви (подадена ли е вече?); започнете отново",
                  "The ballot does not continue your chain (was it sent already?); start again");
  }
  send_json(response, 201,
            signed_receipt(app, {{"format", kReceiptFormat},
                                 {"election", row->id},
                                 {"tracking_code", stored.tracking_code},
                                 {"sequence", stored.sequence},
                                 {"status", stored.status},
                                 {"position", stored.position},
                                 {"received_at", stored.received_at}}));
}

std::int64_t number_param(const Request& request, const char* name, std::int64_t fallback,
                          std::int64_t max) {
  const std::string text = request.get_param_value(name);
  if (text.empty() || text.size() > 12 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return fallback;
  }
  return std::min<std::int64_t>(std::stoll(text), max);
}

Json entry_json(const BallotRow& row) {
  Json entry = row.entry;
  entry["position"] = row.position;
  return entry;
}

void board(App& app, const Request& request, Response& response) {
  const auto row = find_election(app, request, response);
  if (!row) return;
  const std::int64_t after = number_param(request, "after", 0, INT64_MAX / 2);
  const int limit = static_cast<int>(number_param(request, "limit", 100, kMaxPage));
  const auto page = app.vote->store.ballots(row->id, after, std::max(limit, 1));
  Json entries = Json::array();
  for (const BallotRow& ballot : page) entries.push_back(entry_json(ballot));
  const auto last = app.vote->store.ballots(row->id, row->board_size - 1, 1);
  const bool more = !page.empty() && page.back().position < row->board_size;
  send_json(response, 200,
            {{"entries", entries},
             {"head", last.empty() ? std::string(64, '0') : last.back().tracking_code},
             {"next", more ? Json(page.back().position) : Json()}});
}

void lookup(App& app, const Request& request, Response& response) {
  const auto row = find_election(app, request, response);
  if (!row) return;
  const auto found = app.vote->store.ballot(row->id, request.matches[2]);
  if (!found) {
    return refuse(response, 404, "vote.board.not_found",
                  "На таблото няма бюлетина с този код за проверка",
                  "No ballot on the board has this tracking code");
  }
  send_json(response, 200, entry_json(*found));
}

void download(App& app, const Request& request, Response& response) {
  const auto row = find_election(app, request, response);
  if (!row) return;
  const Json& document = row->document;
  const long long mtime = app.vote->now();
  TarWriter tar;
  tar.add("board/manifest.json", document["manifest"].dump(2) + "\n", mtime);
  if (!document["credentials"].is_null()) {
    Json listed = Json::array();
    for (const std::string& credential : app.vote->store.credentials(row->id)) {
      listed.push_back(credential);
    }
    const Json credentials{{"election", document["base_hash"]}, {"credentials", listed}};
    tar.add("board/credentials.json", credentials.dump(2) + "\n", mtime);
  }
  for (const char* record : {"ceremony", "tally", "result"}) {
    if (!document[record].is_null()) {
      tar.add(std::string("board/") + record + ".json", document[record].dump(2) + "\n", mtime);
    }
  }
  std::string lines;
  std::int64_t after = 0;
  for (;;) {
    const auto page = app.vote->store.ballots(row->id, after, kMaxPage);
    for (const BallotRow& ballot : page) lines += ballot.entry.dump() + "\n";
    if (static_cast<int>(page.size()) < kMaxPage) break;
    after = page.back().position;
  }
  tar.add("board/ballots.jsonl", lines, mtime);
  response.set_header("Content-Disposition", "attachment; filename=\"" + row->id + "-board.tar\"");
  response.set_content(tar.finish(), "application/x-tar");
}

}  // namespace

void add_ballot_routes(Router& router, App& app) {
  router.add("POST", "/api/v1/elections/{id}/ballots", bind(app, cast));
  router.add("GET", "/api/v1/elections/{id}/board", bind(app, board));
  router.add("GET", "/api/v1/elections/{id}/board/{tracking_code}", bind(app, lookup));
  router.add("GET", "/api/v1/elections/{id}/board.tar", bind(app, download));
}

}  // namespace civic::server::elections
