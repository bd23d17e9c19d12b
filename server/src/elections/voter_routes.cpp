// POST /api/v1/elections/{id}/voters/code and …/voters/session (voter_session.hpp).
#include <sodium.h>

#include "civic/eligibility.hpp"
#include "civic/vote.hpp"
#include "elections/location.hpp"
#include "elections/vote_http.hpp"
#include "elections/vote_routes.hpp"
#include "elections/voter_session.hpp"
#include "operator_access.hpp"
#include "problem.hpp"
#include "random.hpp"

namespace civic::server::elections {

namespace {

using Request = httplib::Request;
using Response = httplib::Response;

bool is_open(const ElectionRow& row, Response& response) {
  if (row.state == "open") return true;
  Error error =
      server_error("vote.election.not_open", "", "Гласуването не е отворено", "Voting is not open");
  error.params = {{"state", row.state}};
  refuse(response, 409, error);
  return false;
}

std::string code_hash(const std::string& request, const std::string& code) {
  return hash_hex(request + ":" + code);
}

// The policy's reasons when the registered voter is not eligible on the election day.
std::vector<Error> policy_refusals(App& app, const EligibleVoter& voter, const std::string& day) {
  const auto published = app.profiles->current();
  const auto policy = published->profile->policy("pb_voter");
  const auto today = parse_iso_date(day);
  if (!policy || !today) {
    return {server_error("vote.voter.no_policy", "", "Профилът няма правила за гласуване",
                         "The profile has no voter policy")};
  }
  const Json subject{{"egn", nullptr},
                     {"birth_date", voter.birth_date},
                     {"permanent_address_settlement", voter.permanent_settlement},
                     {"current_address_settlement", voter.current_settlement}};
  const auto decision = eligibility::check(*policy, subject, *today);
  return decision.eligible ? std::vector<Error>{} : decision.reasons;
}

void request_code(App& app, const Request& request, Response& response) {
  const auto body = object_body(app, request, response);
  if (!body) return;
  const auto row = find_election(app, request, response);
  if (!row || !is_open(*row, response)) return;
  const Json number = body->value("personal_number", Json());
  const Json phone_text = body->value("phone", Json());
  const auto phone =
      phone_text.is_string() ? vote::normalise_phone(phone_text.get<std::string>()) : std::nullopt;
  if (!number.is_string() || !vote::is_personal_number(number.get<std::string>()) || !phone) {
    return refuse(response, 400, "vote.voter.bad_request",
                  "Въведете ЕГН/ЛНЧ (10 цифри) и мобилен телефон",
                  "Enter a personal number (10 digits) and a mobile phone number");
  }
  VoteServices& vote = *app.vote;
  const std::string voter = vote::voter_hash(vote.voter_key, number.get<std::string>());
  const auto registered = vote.store.eligible_voter(row->id, voter);
  if (!registered) {
    return refuse(response, 422, "vote.voter.not_eligible",
                  "Няма Ви в регистъра на жителите с право на глас за това гласуване",
                  "You are not on the register of residents who may vote in this election");
  }
  const auto reasons = policy_refusals(app, *registered, row->document["election_day"]);
  if (!reasons.empty()) {
    send_problem(response, 422, "vote-voter-not-eligible", "You may not vote in this election",
                 reasons);
    return;
  }
  const std::int64_t now = vote.now();
  const std::string code = std::to_string(100000 + randombytes_uniform(900000));
  CodeRow issued{
      random_hex(16), row->id, voter, vote::phone_hash(vote.voter_key, *phone), "", now, 0, false};
  issued.code_hash = code_hash(issued.request, code);
  const auto stored = vote.store.issue_code(issued, now - kRateWindowSeconds, kMaxCodes);
  if (!stored) return storage_unavailable(response, stored.error());
  if (!*stored) {
    response.set_header("Retry-After", std::to_string(kRateWindowSeconds));
    return refuse(response, 429, "vote.voter.rate_limited",
                  "Твърде много кодове за този номер или телефон; опитайте след 15 минути",
                  "Too many codes for this personal number or phone; try again in 15 minutes");
  }
  const auto sent = vote.sms->send(
      {*phone, "Kod za glasuvane / voting code: " + code, code, row->id, issued.request});
  if (!sent) {
    response.set_header("Retry-After", "5");
    send_problem(response, 503, "vote-sms-failed", sent.error().message.en, {sent.error()});
    return;
  }
  send_json(response, 202, {{"request", issued.request}, {"expires_in", kCodeSeconds}});
}

// The code of the request, checked and spent; nullopt after answering why not.
std::optional<CodeRow> spend_code(App& app, const std::string& election, const Json& body,
                                  Response& response) {
  const Json request_id = body.value("request", Json());
  const Json typed = body.value("code", Json());
  auto code =
      request_id.is_string() ? app.vote->store.code(request_id.get<std::string>()) : std::nullopt;
  if (!code || code->election != election || !typed.is_string()) {
    refuse(response, 404, "vote.code.unknown", "Няма такава заявка за код; поискайте нов код",
           "There is no such code request; ask for a new code");
    return std::nullopt;
  }
  if (code->used) {
    refuse(response, 410, "vote.code.used", "Този код вече е използван; поискайте нов код",
           "This code was used already; ask for a new code");
    return std::nullopt;
  }
  if (app.vote->now() - code->issued_at >= kCodeSeconds) {
    refuse(response, 410, "vote.code.expired", "Кодът е изтекъл (5 минути); поискайте нов код",
           "The code has expired (5 minutes); ask for a new code");
    return std::nullopt;
  }
  if (code->attempts >= kMaxAttempts) {
    refuse(response, 403, "vote.code.attempts",
           "Твърде много грешни опити с този код; поискайте нов код",
           "Too many wrong tries of this code; ask for a new code");
    return std::nullopt;
  }
  const std::string typed_hash = code_hash(code->request, typed.get<std::string>());
  const bool correct = sodium_memcmp(typed_hash.data(), code->code_hash.data(),
                                     std::min(typed_hash.size(), code->code_hash.size())) == 0;
  const auto counted = app.vote->store.attempt_code(code->request, code->attempts, correct);
  if (!counted) {
    storage_unavailable(response, counted.error());
    return std::nullopt;
  }
  if (!*counted) {
    refuse(response, 409, "vote.code.conflict",
           "Кодът се проверява от друга заявка; опитайте отново",
           "The code is being checked by another request; try again");
    return std::nullopt;
  }
  if (!correct) {
    const std::int64_t left = kMaxAttempts - code->attempts - 1;
    Error error = left > 0 ? server_error("vote.code.wrong", "/code", "Грешен код", "Wrong code")
                           : server_error("vote.code.attempts", "/code",
                                          "Твърде много грешни опити; поискайте нов код",
                                          "Too many wrong tries; ask for a new code");
    error.params = {{"attempts_left", left}};
    refuse(response, 403, error);
    return std::nullopt;
  }
  return code;
}

void open_session(App& app, const Request& request, Response& response) {
  const auto body = object_body(app, request, response);
  if (!body) return;
  const auto row = find_election(app, request, response);
  if (!row || !is_open(*row, response)) return;
  const auto published = app.profiles->current();
  if (auto refused =
          check_location(body->value("location", Json()), published->profile->boundary())) {
    return refuse(response, 422, *refused);
  }
  const auto code = spend_code(app, row->id, *body, response);
  if (!code) return;
  VoteServices& vote = *app.vote;
  const auto credential = vote.store.credential_of(row->id, code->voter);
  std::array<std::uint8_t, 32 + crypto_box_SEALBYTES> box{};
  vote::Bytes32 seed{};
  if (!credential || !vote::from_hex(credential->sealed, box) ||
      crypto_box_seal_open(seed.data(), box.data(), box.size(), app.keys.envelope_public.data(),
                           app.keys.envelope_secret.data()) != 0) {
    return refuse(response, 409, "vote.credential.unknown",
                  "Няма удостоверение за гласуване за Вас; обърнете се към общината",
                  "There is no voting credential for you; contact the municipality");
  }
  const std::string token = random_hex(32);
  const auto stored = vote.store.put_session(
      hash_hex(token), {row->id, code->voter}, vote.now() + kSessionSeconds,
      audit_entry("voter", "vote_session", row->id, {{"voter", code->voter}}));
  if (!stored) return storage_unavailable(response, stored.error());
  vote::Bytes32 base_hash{};
  vote::Bytes32 public_key{};
  (void)vote::from_hex(row->document["base_hash"].get<std::string>(), base_hash);
  (void)vote::from_hex(credential->credential, public_key);
  auto [sequence, voter_previous] = vote.store.voter_head(row->id, credential->credential);
  if (voter_previous.empty()) {
    voter_previous = vote::to_hex(vote::voter_chain_start(base_hash, public_key));
  }
  const std::string device = "web-" + credential->credential.substr(0, 16);
  std::string previous = vote.store.device_head(row->id, device);
  if (previous.empty()) previous = vote::to_hex(vote::chain_start(base_hash, device));
  const std::string seed_hex = vote::to_hex(seed);
  sodium_memzero(seed.data(), seed.size());
  send_json(response, 200,
            {{"session", token},
             {"expires_in", kSessionSeconds},
             {"credential_seed", seed_hex},
             {"credential", credential->credential},
             {"sequence", sequence},
             {"voter_previous", voter_previous},
             {"device", device},
             {"previous", previous}});
}

}  // namespace

void add_voter_routes(Router& router, App& app) {
  router.add("POST", "/api/v1/elections/{id}/voters/code", bind(app, request_code));
  router.add("POST", "/api/v1/elections/{id}/voters/session", bind(app, open_session));
}

}  // namespace civic::server::elections
