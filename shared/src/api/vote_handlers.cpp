#include "vote_handlers.hpp"

#include "civic/rng.hpp"
#include "civic/vote.hpp"

namespace civic::api {

namespace {

using namespace civic::vote;

Error missing(const char* field) {
  return Error{"api.bad_request",
               std::string("/") + field,
               {std::string("Липсва полето „") + field + "“",
                std::string("The field \"") + field + "\" is missing"},
               {{"field", field}}};
}

Result<const Json*> member(const Request& request, const char* field) {
  const auto it = request.body().find(field);
  if (it == request.body().end()) return missing(field);
  return &*it;
}

Result<Election> election_of(const Request& request) {
  auto manifest_json = member(request, "manifest");
  if (!manifest_json) return std::move(manifest_json).error();
  auto manifest = parse_manifest(**manifest_json);
  if (!manifest) return prefixed(std::move(manifest).error(), "/manifest");
  auto key_text = request.string("joint_key");
  if (!key_text) return std::move(key_text).error();
  auto key = parse_point(*key_text, "/joint_key");
  if (!key) return std::move(key).error();
  return Election{std::move(manifest).value(), *key};
}

Result<Bytes32> seed_of(const Request& request, const char* field) {
  auto text = request.string(field);
  if (!text) return std::move(text).error();
  Bytes32 seed;
  if (!from_hex(*text, seed)) {
    return Error{"api.bad_request",
                 std::string("/") + field,
                 {"Очакват се 32 байта в шестнадесетичен запис", "Expected 32 bytes of hex"},
                 {{"field", field}, {"bytes", 32}}};
  }
  return seed;
}

Result<Ballot> ballot_of(const Request& request) {
  auto json = member(request, "ballot");
  if (!json) return std::move(json).error();
  auto ballot = ballot_from_json(**json);
  if (!ballot) return prefixed(std::move(ballot).error(), "/ballot");
  return ballot;
}

}  // namespace

Json vote_manifest_hash_handler(const Request& request) {
  auto manifest_json = member(request, "manifest");
  if (!manifest_json) return failure(manifest_json.error());
  auto manifest = parse_manifest(**manifest_json);
  if (!manifest) return failure(prefixed(manifest.error(), "/manifest"));
  return Json{{"base_hash", to_hex(manifest->base_hash)}};
}

Json vote_credential_handler(const Request& request) {
  auto seed = seed_of(request, "seed");
  if (!seed) return failure(seed.error());
  return Json{{"credential", to_hex(credential_from_seed(*seed).public_key)}};
}

Json vote_encrypt_handler(const Request& request) {
  auto election = election_of(request);
  if (!election) return failure(election.error());
  auto selections_json = member(request, "selections");
  if (!selections_json) return failure(selections_json.error());
  auto selections = parse_selections(election->manifest, **selections_json);
  if (!selections) return failure(prefixed(selections.error(), "/selections"));
  auto seed = seed_of(request, "seed");
  if (!seed) return failure(seed.error());
  auto credential_seed = seed_of(request, "credential_seed");
  if (!credential_seed) return failure(credential_seed.error());
  auto device = request.string("device");
  if (!device) return failure(device.error());
  auto time = request.string("time");
  if (!time) return failure(time.error());
  BallotMeta meta{*device, *time, std::nullopt, 0, std::nullopt};
  if (request.body().contains("previous")) {
    auto previous = seed_of(request, "previous");
    if (!previous) return failure(previous.error());
    meta.previous = *previous;
  }
  if (const auto sequence = request.body().find("sequence"); sequence != request.body().end()) {
    if (!sequence->is_number_unsigned() || sequence->get<std::uint64_t>() > 0xFFFFFFFF) {
      return failure(Error{"api.bad_request",
                           "/sequence",
                           {"Очаква се цяло число от 0 до 2³²−1", "Expected an integer 0..2^32−1"},
                           {{"field", "sequence"}}});
    }
    meta.sequence = sequence->get<std::uint32_t>();
  }
  if (request.body().contains("voter_previous")) {
    auto voter_previous = seed_of(request, "voter_previous");
    if (!voter_previous) return failure(voter_previous.error());
    meta.voter_previous = *voter_previous;
  }
  SeededRng rng(*seed);
  auto encrypted =
      encrypt_ballot(*election, *selections, credential_from_seed(*credential_seed), meta, rng);
  if (!encrypted) return failure(encrypted.error());
  return Json{{"ballot", ballot_to_json(encrypted->ballot)},
              {"tracking_code", to_hex(encrypted->ballot.tracking_code)}};
}

Json vote_spoil_handler(const Request& request) {
  auto election = election_of(request);
  if (!election) return failure(election.error());
  auto ballot = ballot_of(request);
  if (!ballot) return failure(ballot.error());
  auto seed = seed_of(request, "seed");
  if (!seed) return failure(seed.error());
  auto credential_seed = seed_of(request, "credential_seed");
  if (!credential_seed) return failure(credential_seed.error());
  const VoterCredential credential = credential_from_seed(*credential_seed);
  if (credential.public_key != ballot->credential) {
    return failure(Error{"vote.spoil.credential",
                         "/credential_seed",
                         {"Това не е идентификаторът, подписал бюлетината",
                          "This is not the credential that signed the ballot"},
                         {}});
  }
  // The encryption drew its master nonce as the first 32 bytes of SeededRng(seed).
  SeededRng rng(*seed);
  BallotSecret secret;
  rng.fill(secret.master_nonce);
  auto opening = open_ballot(*election, *ballot, secret);
  if (!opening) return failure(prefixed(opening.error(), "/ballot"));
  // The voter signs the choice to spoil (the tracking code stays the same).
  seal_ballot(ballot.value(), credential, Choice::spoil);
  return board_entry_to_json(election->manifest,
                             BoardEntry{EntryStatus::spoiled, *ballot, *opening});
}

Json vote_verify_ballot_handler(const Request& request) {
  auto election = election_of(request);
  if (!election) return failure(election.error());
  auto ballot = ballot_of(request);
  if (!ballot) {
    return Json{
        {"valid", false}, {"tracking_code", nullptr}, {"error", error_to_json(ballot.error())}};
  }
  const auto verified = verify_ballot(*election, *ballot);
  return Json{
      {"valid", verified.ok()},
      {"tracking_code", verified ? Json(to_hex(ballot->tracking_code)) : Json(nullptr)},
      {"error", verified ? Json(nullptr) : error_to_json(prefixed(verified.error(), "/ballot"))}};
}

Json vote_verify_spoiled_handler(const Request& request) {
  auto election = election_of(request);
  if (!election) return failure(election.error());
  auto ballot = ballot_of(request);
  const auto refused = [](const Error& error) {
    return Json{{"valid", false}, {"selections", nullptr}, {"error", error_to_json(error)}};
  };
  if (!ballot) return refused(ballot.error());
  auto opening_json = member(request, "opening");
  if (!opening_json) return failure(opening_json.error());
  auto opening = opening_from_json(election->manifest, **opening_json);
  if (!opening) return refused(prefixed(opening.error(), "/opening"));
  if (auto verified = verify_ballot(*election, *ballot); !verified) {
    return refused(prefixed(verified.error(), "/ballot"));
  }
  if (auto opened = verify_opening(*election, *ballot, *opening); !opened) {
    return refused(prefixed(opened.error(), "/opening"));
  }
  return Json{{"valid", true},
              {"selections", selections_to_json(election->manifest, opening->selections)},
              {"error", nullptr}};
}

}  // namespace civic::api
