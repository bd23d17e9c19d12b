#include <set>

#include "civic/vote/json_codec.hpp"
#include "json_fields.hpp"

namespace civic::vote {

namespace {

using namespace detail;

Json proof_to_json(const Proof& proof) {
  return Json{{"challenge", to_hex(proof.challenge.bytes)},
              {"response", to_hex(proof.response.bytes)}};
}

Result<Proof> proof_from_json(const Json& json, const std::string& path,
                              const std::string& prefix) {
  CIVIC_CHECK(expect_object(json, path, {"challenge", "response"}, prefix));
  CIVIC_TRY(challenge, scalar_field(json, "challenge", path, prefix));
  CIVIC_TRY(response, scalar_field(json, "response", path, prefix));
  return Proof{challenge, response};
}

// The array `list` (at `path`) of at most `max` items, each parsed by `parse(item, path)`.
template <typename T, typename Parse>
Result<std::vector<T>> list_items(const Json& list, const std::string& path,
                                  const std::string& prefix, std::size_t max, Parse parse) {
  if (!list.is_array() || list.size() > max) {
    Error error = shape_error(prefix + ".shape", path, "an array", "масив");
    error.params["max_items"] = max;
    return error;
  }
  std::vector<T> items;
  items.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    CIVIC_TRY(item, parse(list[i], path + "/" + std::to_string(i)));
    items.push_back(std::move(item));
  }
  return items;
}

// The same for the field `name` of `object`.
template <typename T, typename Parse>
Result<std::vector<T>> list_from_json(const Json& object, const char* name, const std::string& path,
                                      const std::string& prefix, std::size_t max, Parse parse) {
  CIVIC_TRY(list, field(object, name, path, prefix));
  return list_items<T>(*list, path + "/" + name, prefix, max, parse);
}

Result<Point> point_item(const Json& json, const std::string& path, const std::string& prefix,
                         Identity identity) {
  if (!json.is_string()) {
    return shape_error(prefix + ".shape", path, "a hex string", "шестнадесетичен текст");
  }
  return parse_point(json.get_ref<const std::string&>(), path, identity);
}

}  // namespace

Result<Bytes32> election_of(const Json& artefact) {
  if (!artefact.is_object()) {
    return shape_error("vote.record.shape", "", "an object", "обект");
  }
  Bytes32 base_hash;
  CIVIC_CHECK(hex_field(artefact, "election", "", "vote.record", base_hash));
  return base_hash;
}

Json ceremony_to_json(const Bytes32& base_hash, const Ceremony& ceremony) {
  Json trustees = Json::array();
  for (const TrusteeKey& key : ceremony.trustees) {
    Json commitments = Json::array(), proofs = Json::array();
    for (const Point& commitment : key.commitments)
      commitments.push_back(to_hex(commitment.bytes()));
    for (const Proof& proof : key.proofs) proofs.push_back(proof_to_json(proof));
    trustees.push_back(Json{{"index", key.index},
                            {"commitments", std::move(commitments)},
                            {"proofs", std::move(proofs)}});
  }
  return Json{{"election", to_hex(base_hash)},
              {"threshold", ceremony.threshold},
              {"trustees", std::move(trustees)},
              {"joint_key", to_hex(ceremony.joint_key.bytes())}};
}

Result<Ceremony> ceremony_from_json(const Json& json) {
  const std::string prefix = "vote.ceremony";
  CIVIC_CHECK(expect_object(json, "", {"election", "threshold", "trustees", "joint_key"}, prefix));
  Ceremony ceremony;
  CIVIC_TRY(threshold, uint_field(json, "threshold", "", prefix, kMaxTrustees));
  ceremony.threshold = static_cast<std::uint32_t>(threshold);
  const auto parse_key = [&prefix](const Json& item,
                                   const std::string& path) -> Result<TrusteeKey> {
    CIVIC_CHECK(expect_object(item, path, {"index", "commitments", "proofs"}, prefix));
    CIVIC_TRY(index, uint_field(item, "index", path, prefix, kMaxTrustees));
    CIVIC_TRY(commitments, list_from_json<Point>(item, "commitments", path, prefix, kMaxTrustees,
                                                 [&prefix](const Json& p, const std::string& at) {
                                                   return point_item(p, at, prefix,
                                                                     Identity::refused);
                                                 }));
    CIVIC_TRY(proofs, list_from_json<Proof>(item, "proofs", path, prefix, kMaxTrustees,
                                            [&prefix](const Json& p, const std::string& at) {
                                              return proof_from_json(p, at, prefix);
                                            }));
    return TrusteeKey{static_cast<std::uint32_t>(index), std::move(commitments), std::move(proofs)};
  };
  CIVIC_TRY(trustees,
            list_from_json<TrusteeKey>(json, "trustees", "", prefix, kMaxTrustees, parse_key));
  ceremony.trustees = std::move(trustees);
  CIVIC_TRY(joint_key, point_field(json, "joint_key", "", prefix));
  ceremony.joint_key = joint_key;
  return ceremony;
}

Json trustee_secret_to_json(const Bytes32& base_hash, const TrusteeSecret& secret) {
  return Json{{"election", to_hex(base_hash)},
              {"trustee", secret.index},
              {"share", to_hex(secret.share.bytes)}};
}

Result<TrusteeSecret> trustee_secret_from_json(const Json& json) {
  const std::string prefix = "vote.trustee_secret";
  CIVIC_CHECK(expect_object(json, "", {"election", "trustee", "share"}, prefix));
  CIVIC_TRY(index, uint_field(json, "trustee", "", prefix, kMaxTrustees));
  CIVIC_TRY(share, scalar_field(json, "share", "", prefix));
  return TrusteeSecret{static_cast<std::uint32_t>(index), share};
}

Json credentials_to_json(const Bytes32& base_hash, const std::vector<Bytes32>& credentials) {
  Json list = Json::array();
  for (const Bytes32& credential : credentials) list.push_back(to_hex(credential));
  return Json{{"election", to_hex(base_hash)}, {"credentials", std::move(list)}};
}

Result<std::vector<Bytes32>> credentials_from_json(const Json& json) {
  const std::string prefix = "vote.credentials";
  CIVIC_CHECK(expect_object(json, "", {"election", "credentials"}, prefix));
  CIVIC_TRY(list, array_field(json, "credentials", "", prefix));
  std::vector<Bytes32> credentials;
  std::set<Bytes32> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = "/credentials/" + std::to_string(i);
    if (!(*list)[i].is_string()) {
      return shape_error(prefix + ".shape", path, "a hex string", "шестнадесетичен текст");
    }
    CIVIC_TRY(credential, parse_credential((*list)[i].get_ref<const std::string&>(), path));
    if (!seen.insert(credential).second) {
      return Error{
          prefix + ".duplicate", path, {"Повтарящ се идентификатор", "Duplicate credential"}, {}};
    }
    credentials.push_back(credential);
  }
  return credentials;
}

Json tally_to_json(const Bytes32& base_hash, const EncryptedTally& tally) {
  Json contests = Json::array();
  for (const auto& options : tally.contests) {
    Json row = Json::array();
    for (const Ciphertext& ciphertext : options) {
      row.push_back(Json{{"alpha", to_hex(ciphertext.alpha.bytes())},
                         {"beta", to_hex(ciphertext.beta.bytes())}});
    }
    contests.push_back(std::move(row));
  }
  return Json{{"election", to_hex(base_hash)},
              {"ballots", tally.ballots},
              {"contests", std::move(contests)}};
}

Result<EncryptedTally> tally_from_json(const Json& json) {
  const std::string prefix = "vote.tally";
  CIVIC_CHECK(expect_object(json, "", {"election", "ballots", "contests"}, prefix));
  EncryptedTally tally;
  CIVIC_TRY(ballots, uint_field(json, "ballots", "", prefix, UINT64_MAX));
  tally.ballots = ballots;
  const auto parse_ciphertext = [&prefix](const Json& item,
                                          const std::string& path) -> Result<Ciphertext> {
    CIVIC_CHECK(expect_object(item, path, {"alpha", "beta"}, prefix));
    CIVIC_TRY(alpha, point_field(item, "alpha", path, prefix, Identity::allowed));
    CIVIC_TRY(beta, point_field(item, "beta", path, prefix, Identity::allowed));
    return Ciphertext{alpha, beta};
  };
  CIVIC_TRY(contests, list_from_json<std::vector<Ciphertext>>(
                          json, "contests", "", prefix, kMaxContests,
                          [&](const Json& row, const std::string& path) {
                            return list_items<Ciphertext>(row, path, prefix, kMaxOptions,
                                                          parse_ciphertext);
                          }));
  tally.contests = std::move(contests);
  return tally;
}

namespace {

Json partial_contests_to_json(const PartialDecryption& partial) {
  Json contests = Json::array();
  for (const auto& shares : partial.contests) {
    Json row = Json::array();
    for (const DecryptionShare& share : shares) {
      row.push_back(Json{{"share", to_hex(share.share.bytes())},
                         {"challenge", to_hex(share.proof.challenge.bytes)},
                         {"response", to_hex(share.proof.response.bytes)}});
    }
    contests.push_back(std::move(row));
  }
  return contests;
}

// A partial decryption with exactly the members `keys` (trustee and contests, and the
// election when it stands alone).
Result<PartialDecryption> partial_from_json(const Json& item, const std::string& path,
                                            std::initializer_list<std::string_view> keys) {
  const std::string prefix = "vote.decryption";
  CIVIC_CHECK(expect_object(item, path, keys, prefix));
  const auto parse_share = [&prefix](const Json& row,
                                     const std::string& at) -> Result<DecryptionShare> {
    CIVIC_CHECK(expect_object(row, at, {"share", "challenge", "response"}, prefix));
    CIVIC_TRY(share, point_field(row, "share", at, prefix, Identity::allowed));
    CIVIC_TRY(challenge, scalar_field(row, "challenge", at, prefix));
    CIVIC_TRY(response, scalar_field(row, "response", at, prefix));
    return DecryptionShare{share, Proof{challenge, response}};
  };
  CIVIC_TRY(trustee, uint_field(item, "trustee", path, prefix, kMaxTrustees));
  CIVIC_TRY(contests, list_from_json<std::vector<DecryptionShare>>(
                          item, "contests", path, prefix, kMaxContests,
                          [&](const Json& row, const std::string& at) {
                            return list_items<DecryptionShare>(row, at, prefix, kMaxOptions,
                                                               parse_share);
                          }));
  return PartialDecryption{static_cast<std::uint32_t>(trustee), std::move(contests)};
}

}  // namespace

Json partial_decryption_to_json(const Bytes32& base_hash, const PartialDecryption& partial) {
  return Json{{"election", to_hex(base_hash)},
              {"trustee", partial.trustee},
              {"contests", partial_contests_to_json(partial)}};
}

Result<PartialDecryption> partial_decryption_from_json(const Json& json) {
  return partial_from_json(json, "", {"election", "trustee", "contests"});
}

Json decryption_to_json(const Manifest& manifest, const DecryptionRecord& record) {
  Json partials = Json::array();
  for (const PartialDecryption& partial : record.partials) {
    partials.push_back(
        Json{{"trustee", partial.trustee}, {"contests", partial_contests_to_json(partial)}});
  }
  Json counts = Json::array();
  for (std::size_t c = 0; c < manifest.contests.size() && c < record.counts.size(); ++c) {
    Json options = Json::array();
    const Contest& contest = manifest.contests[c];
    for (std::size_t o = 0; o < contest.options.size() && o < record.counts[c].size(); ++o) {
      options.push_back(Json{{"option", contest.options[o].id}, {"votes", record.counts[c][o]}});
    }
    counts.push_back(Json{{"contest", contest.id}, {"options", std::move(options)}});
  }
  return Json{{"election", to_hex(manifest.base_hash)},
              {"partial_decryptions", std::move(partials)},
              {"counts", std::move(counts)}};
}

Result<DecryptionRecord> decryption_from_json(const Manifest& manifest, const Json& json) {
  const std::string prefix = "vote.decryption";
  CIVIC_CHECK(expect_object(json, "", {"election", "partial_decryptions", "counts"}, prefix));
  DecryptionRecord record;
  const auto parse_partial = [](const Json& item, const std::string& path) {
    return partial_from_json(item, path, {"trustee", "contests"});
  };
  CIVIC_TRY(partials, list_from_json<PartialDecryption>(json, "partial_decryptions", "", prefix,
                                                        kMaxTrustees, parse_partial));
  record.partials = std::move(partials);
  CIVIC_TRY(counts, array_field(json, "counts", "", prefix));
  if (counts->size() != manifest.contests.size()) {
    return shape_error(prefix + ".shape", "/counts", "one entry per contest",
                       "по един запис за въпрос");
  }
  for (std::size_t c = 0; c < counts->size(); ++c) {
    const Contest& contest = manifest.contests[c];
    const std::string path = "/counts/" + std::to_string(c);
    const Json& entry = (*counts)[c];
    CIVIC_CHECK(expect_object(entry, path, {"contest", "options"}, prefix));
    CIVIC_TRY(contest_id, string_field(entry, "contest", path, prefix));
    CIVIC_TRY(options, array_field(entry, "options", path, prefix));
    if (contest_id != contest.id || options->size() != contest.options.size()) {
      return shape_error(prefix + ".labels", path, "the manifest's contests and options in order",
                         "въпросите и предложенията от бюлетината по ред");
    }
    std::vector<std::uint64_t> row;
    for (std::size_t o = 0; o < options->size(); ++o) {
      const std::string option_path = path + "/options/" + std::to_string(o);
      const Json& option = (*options)[o];
      CIVIC_CHECK(expect_object(option, option_path, {"option", "votes"}, prefix));
      CIVIC_TRY(option_id, string_field(option, "option", option_path, prefix));
      CIVIC_TRY(votes, uint_field(option, "votes", option_path, prefix, UINT64_MAX));
      if (option_id != contest.options[o].id) {
        return shape_error(prefix + ".labels", option_path + "/option", "the manifest's option id",
                           "идентификатора от бюлетината");
      }
      row.push_back(votes);
    }
    record.counts.push_back(std::move(row));
  }
  return record;
}

}  // namespace civic::vote
