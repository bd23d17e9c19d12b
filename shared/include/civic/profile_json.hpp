// civic/profile_json.hpp — a loaded profile, with JSON text in and out.
//
// The browser loads the profile bundle once (wrapped by the wasm module as `Profile`) and
// then validates addresses, suggests streets and blocks, checks eligibility, opens forms
// (FormSessionJson's profile constructor) and seals submissions without re-reading it.
// Every method returns compact JSON text, as civic::api::call does: a result or
// {"error": ...}.
#pragma once

#include <memory>
#include <string>

#include "civic/profile.hpp"

namespace civic::api {

class ProfileJson {
 public:
  // The bundle as JSON text (civic/profile.hpp). A refused bundle leaves the object
  // unusable: status() says why.
  explicit ProfileJson(const std::string& bundle_json);

  // {"ok": true}, or {"ok": false, "errors": [Error...]} with every problem of the bundle.
  std::string status() const;
  // An address answer (civic/address.hpp members) → {"valid", "errors"}, paths relative to
  // the address; profile.district_not_live for a district not prepared yet.
  std::string validate_address(const std::string& address_json) const;
  // {"query", "district"?, "streets"?: bool, "blocks"?: bool, "limit"?: 1..50}
  //   → {"suggestions": [...]} as address.suggest gives them (docs/api.md).
  std::string suggest(const std::string& query_json) const;
  // {"policy": id, "subject": object, "today"} → the decision (eligibility.check).
  std::string check_eligibility(const std::string& request_json) const;
  // {"form": id, "answers", "today", "created_at", "public_key", "seed"} → {"envelope"}, or
  // {"error"}: submission.invalid with params.report, submission.unknown_form, envelope.*.
  // The seed (64 hex digits) feeds the Rng, as in envelope.seal.
  std::string seal(const std::string& request_json) const;

  // The municipality's catalogue of e-services (profile::catalogue_json).
  std::string catalogue() const;
  // Null when the bundle was refused.
  const profile::Profile* profile() const { return profile_.get(); }

 private:
  std::shared_ptr<const profile::Profile> profile_;
  std::string status_;
};

}  // namespace civic::api
