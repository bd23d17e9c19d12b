#include "civic/vote/json_codec.hpp"
#include "json_fields.hpp"

namespace civic::vote {

namespace {

using namespace detail;

const std::string kBallot = "vote.ballot";

Json range_proof_to_json(const RangeProof& proof) {
  Json challenges = Json::array(), responses = Json::array();
  for (const Scalar& c : proof.challenges) challenges.push_back(to_hex(c.bytes));
  for (const Scalar& v : proof.responses) responses.push_back(to_hex(v.bytes));
  return Json{{"challenges", std::move(challenges)}, {"responses", std::move(responses)}};
}

Result<std::vector<Scalar>> scalar_list(const Json& json, const char* name,
                                        const std::string& path) {
  CIVIC_TRY(list, array_field(json, name, path, kBallot));
  if (list->size() > kMaxOptions + 1) {
    return shape_error(kBallot + ".shape", path + "/" + name, "at most 1001 scalars",
                       "най-много 1001 скалара");
  }
  std::vector<Scalar> scalars;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string item_path = path + "/" + name + "/" + std::to_string(i);
    if (!(*list)[i].is_string()) {
      return shape_error(kBallot + ".shape", item_path, "a hex string", "шестнадесетичен текст");
    }
    CIVIC_TRY(scalar, parse_scalar((*list)[i].get_ref<const std::string&>(), item_path));
    scalars.push_back(scalar);
  }
  return scalars;
}

Result<RangeProof> range_proof_from_json(const Json& json, const std::string& path) {
  CIVIC_CHECK(expect_object(json, path, {"challenges", "responses"}, kBallot));
  CIVIC_TRY(challenges, scalar_list(json, "challenges", path));
  CIVIC_TRY(responses, scalar_list(json, "responses", path));
  if (responses.size() != challenges.size()) {  // a response answers each challenge
    return shape_error(kBallot + ".shape", path + "/responses", "one response per challenge",
                       "по един отговор на всяко предизвикателство");
  }
  return RangeProof{std::move(challenges), std::move(responses)};
}

Result<EncryptedOption> option_from_json(const Json& json, const std::string& path) {
  CIVIC_CHECK(expect_object(json, path, {"alpha", "beta", "proof"}, kBallot));
  CIVIC_TRY(alpha, point_field(json, "alpha", path, kBallot));
  CIVIC_TRY(beta, point_field(json, "beta", path, kBallot));
  CIVIC_TRY(proof_json, field(json, "proof", path, kBallot));
  CIVIC_TRY(proof, range_proof_from_json(*proof_json, path + "/proof"));
  return EncryptedOption{Ciphertext{alpha, beta}, std::move(proof)};
}

Result<EncryptedContest> contest_from_json(const Json& json, const std::string& path) {
  CIVIC_CHECK(expect_object(json, path, {"options", "selection_proof"}, kBallot));
  CIVIC_TRY(options, array_field(json, "options", path, kBallot));
  if (options->size() > kMaxOptions) {
    return shape_error(kBallot + ".shape", path + "/options", "at most 1000 options",
                       "най-много 1000 предложения");
  }
  EncryptedContest contest;
  for (std::size_t o = 0; o < options->size(); ++o) {
    CIVIC_TRY(option, option_from_json((*options)[o], path + "/options/" + std::to_string(o)));
    contest.options.push_back(std::move(option));
  }
  CIVIC_TRY(selection_proof, field(json, "selection_proof", path, kBallot));
  if (!selection_proof->is_null()) {
    CIVIC_TRY(proof, range_proof_from_json(*selection_proof, path + "/selection_proof"));
    contest.selection_proof = std::move(proof);
  }
  return contest;
}

}  // namespace

Json ballot_to_json(const Ballot& ballot) {
  Json contests = Json::array();
  for (const EncryptedContest& contest : ballot.contests) {
    Json options = Json::array();
    for (const EncryptedOption& option : contest.options) {
      options.push_back(Json{{"alpha", to_hex(option.ciphertext.alpha.bytes())},
                             {"beta", to_hex(option.ciphertext.beta.bytes())},
                             {"proof", range_proof_to_json(option.proof)}});
    }
    contests.push_back(Json{
        {"options", std::move(options)},
        {"selection_proof",
         contest.selection_proof ? range_proof_to_json(*contest.selection_proof) : Json(nullptr)}});
  }
  return Json{{"election", to_hex(ballot.election)},
              {"id", to_hex(ballot.id)},
              {"credential", to_hex(ballot.credential)},
              {"sequence", ballot.sequence},
              {"voter_previous", to_hex(ballot.voter_previous)},
              {"device", ballot.device},
              {"time", ballot.time},
              {"previous", to_hex(ballot.previous)},
              {"contests", std::move(contests)},
              {"tracking_code", to_hex(ballot.tracking_code)},
              {"choice", to_string(ballot.choice)},
              {"signature", to_hex(ballot.signature)}};
}

Result<Ballot> ballot_from_json(const Json& json) {
  CIVIC_CHECK(
      expect_object(json, "",
                    {"election", "id", "credential", "sequence", "voter_previous", "device", "time",
                     "previous", "contests", "tracking_code", "choice", "signature"},
                    kBallot));
  Ballot ballot;
  CIVIC_CHECK(hex_field(json, "election", "", kBallot, ballot.election));
  CIVIC_CHECK(hex_field(json, "id", "", kBallot, ballot.id));
  CIVIC_TRY(credential, credential_field(json, "credential", "", kBallot));
  ballot.credential = credential;
  CIVIC_TRY(sequence, uint_field(json, "sequence", "", kBallot, 0xFFFFFFFF));
  ballot.sequence = static_cast<std::uint32_t>(sequence);
  CIVIC_CHECK(hex_field(json, "voter_previous", "", kBallot, ballot.voter_previous));
  CIVIC_TRY(device, string_field(json, "device", "", kBallot));
  CIVIC_TRY(time, string_field(json, "time", "", kBallot));
  ballot.device = device;
  ballot.time = time;
  CIVIC_CHECK(hex_field(json, "previous", "", kBallot, ballot.previous));
  CIVIC_TRY(contests, array_field(json, "contests", "", kBallot));
  if (contests->size() > kMaxContests) {
    return shape_error(kBallot + ".shape", "/contests", "at most 64 contests",
                       "най-много 64 въпроса");
  }
  for (std::size_t c = 0; c < contests->size(); ++c) {
    CIVIC_TRY(contest, contest_from_json((*contests)[c], "/contests/" + std::to_string(c)));
    ballot.contests.push_back(std::move(contest));
  }
  CIVIC_CHECK(hex_field(json, "tracking_code", "", kBallot, ballot.tracking_code));
  CIVIC_TRY(choice, string_field(json, "choice", "", kBallot));
  if (choice != "cast" && choice != "spoil") {
    return shape_error(kBallot + ".shape", "/choice", "cast or spoil", "cast или spoil");
  }
  ballot.choice = choice == "spoil" ? Choice::spoil : Choice::cast;
  CIVIC_CHECK(hex_field(json, "signature", "", kBallot, ballot.signature));
  return ballot;
}

Json opening_to_json(const Manifest& manifest, const Opening& opening) {
  return Json{{"master_nonce", to_hex(opening.master_nonce)},
              {"selections", selections_to_json(manifest, opening.selections)}};
}

Result<Opening> opening_from_json(const Manifest& manifest, const Json& json) {
  const std::string prefix = "vote.opening";
  CIVIC_CHECK(expect_object(json, "", {"master_nonce", "selections"}, prefix));
  Opening opening;
  CIVIC_CHECK(hex_field(json, "master_nonce", "", prefix, opening.master_nonce));
  CIVIC_TRY(selections_json, field(json, "selections", "", prefix));
  auto selections = parse_selections(manifest, *selections_json);
  if (!selections) {
    Error error = std::move(selections).error();
    error.path = "/selections" + error.path;
    return error;
  }
  opening.selections = std::move(selections).value();
  return opening;
}

}  // namespace civic::vote
