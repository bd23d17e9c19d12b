// civic/profile.hpp — a municipality's profile: everything city-specific, as data.
//
// A profile is one JSON document, the **bundle** (what `GET /api/v1/profile` serves and the
// browser caches): districts, the address register, form definitions, eligibility policies,
// election manifests, the municipality boundary and the public keys. The next city is a new
// bundle, not new code. On disk a profile is a folder (shared/profiles/sofia/) that the CLI
// and the server assemble into the bundle; the core only ever sees the bundle (it reads no
// files).
//
//   auto loaded = profile::load(bundle_json);     // parse and check every part, once
//   if (!loaded.profile) show(loaded.errors);      // every problem, with a JSON pointer
//   const profile::Profile& p = *loaded.profile;
//   auto form = p.form("address_change");
//   forms::Report report = forms::validate(*form, answers, p.context(today));
//
// Bundle members (docs/profile.md specifies each):
//   {"format":"civickit-profile/1", "id", "version", "name":{"bg","en"},
//    "municipality":{"ekatte","code","name":{"bg","en"}},
//    "life_events"?:[{"id","title":{"bg","en"}}],   the service catalogue's groups, in order
//    "districts":[{"id":"68134-01","name":{"bg","en"},"live":bool,
//                  "settlements"?:[{"ekatte","name","postal_codes"}], "places"?:[NAME...]}],
//    "register":[DISTRICT_REGISTER...],      civic/address.hpp JSON form
//    "forms":[FORM_DEFINITION...],           civic/forms.hpp
//    "policies":[POLICY...],                 civic/eligibility.hpp
//    "elections":[MANIFEST...],              civic/vote (may be empty)
//    "election_service"?:SERVICE,            how open elections appear in the catalogue
//    "boundary":GEOJSON,                     with properties.source
//    "facts":{...},                          legal facts kept as data (with notes)
//    "keys":{"envelope":HEX32,"receipt":HEX32}   optional: added by the server
//   }
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civic/address.hpp"
#include "civic/date.hpp"
#include "civic/eligibility.hpp"
#include "civic/expr.hpp"
#include "civic/forms.hpp"
#include "civic/geo.hpp"
#include "civic/result.hpp"
#include "civic/service.hpp"

namespace civic::profile {

using Json = nlohmann::ordered_json;

inline constexpr std::string_view kFormat = "civickit-profile/1";

struct District {
  std::string id;  // "68134-16"
  std::string name_bg;
  std::string name_en;
  bool live = false;  // its register has been imported: addresses there can be checked
  std::vector<address::Settlement> settlements;  // Sofia (68134) is in every district
  // Names of its residential complexes and quarters (ж.к., кв.) as people write them after
  // the prefix ("Младост"): what recognises an address in a district that is not live.
  std::vector<std::string> places;
};

// A place of a district that is not live, matching what the citizen typed: one of its
// complexes or quarters, or one of its settlements (other than the city, which is everywhere).
struct Place {
  enum class Kind { complex, settlement };
  Kind kind;
  const District* district;
  std::string name;  // "Младост", "Бусманци"
  // What choosing it fills in: the district, the settlement, the complex and the block
  // (or number), entrance, floor and apartment the citizen typed ("Младост 1 бл. 12").
  address::Address address;
};

// A loaded profile. Immutable once loaded; share it (forms and policies point into it).
class Profile {
 public:
  const std::string& id() const;
  const std::string& version() const;
  const std::vector<District>& districts() const;
  const District* district(std::string_view id) const;
  const address::Register& address_register() const;

  // The places of districts that are not live whose names match what the citizen typed
  // (address::read_typed; name prefix, word prefix, infix; one typo when nothing matches as
  // typed, as in address::suggest), complexes before settlements, then by name; at most `limit`.
  // The finder offers them after the register's suggestions, so that an address in a district
  // without a register is recognised and answered instead of found nowhere.
  std::vector<Place> places(std::string_view text, size_t limit) const;
  const std::vector<geo::Polygon>& boundary() const;

  // null when the profile has no form / policy of that id. Forms, policies and contexts keep
  // what they use alive: they may outlive the Profile.
  std::shared_ptr<const forms::Form> form(std::string_view id) const;
  // Every form of the profile, by id.
  std::vector<std::shared_ptr<const forms::Form>> forms() const;
  std::shared_ptr<const eligibility::Policy> policy(std::string_view id) const;

  // The functions the profile's expressions may call: the standard ones plus
  // district_of(address) → the district id of a registered address, or null: the address's
  // own `district` when it validates there without any error; for an address naming no
  // district, the first district (register order) where it does (docs/profile.md).
  const expr::Registry& functions() const;

  // What forms::validate needs for this profile on `today`: addresses checked against the
  // register (civic/address.hpp validate()). An address answer names its district in its
  // "district" member, or is recognised by its settlement (other than the city) or its
  // complex (a place of a district that is not live); a known district that is not live gives
  // profile.district_not_live, with params {"district", "name":{"bg","en"}} and a text that
  // says where to apply instead.
  forms::Context context(Date today) const;

  // The service catalogue's groups in the profile's order, and how the open elections are
  // offered in it (civic/service.hpp; nullopt when the profile does not offer them).
  const std::vector<service::LifeEvent>& life_events() const;
  const std::optional<service::Service>& election_service() const;

  // The bundle as loaded (members in the order given). A profile from load_text puts its
  // registers back into it on the first call (reading them all).
  const Json& bundle() const;

  struct Impl;
  explicit Profile(std::unique_ptr<Impl> impl);
  ~Profile();
  Profile(const Profile&) = delete;
  Profile& operator=(const Profile&) = delete;

 private:
  friend Json catalogue_json(const Profile& profile);  // reads the forms' order, not bundle()
  std::unique_ptr<Impl> impl_;
};

struct Loaded {
  std::shared_ptr<const Profile> profile;  // null when `errors` is not empty
  std::vector<Error> errors;               // profile.* and the errors of each part, with paths
};

// Parses and checks a bundle: every form, policy, register and the boundary load; district,
// form and policy ids are unique; every register names a known district and a district is
// "live" exactly when it has a register; every service names a life event of the profile.
// Errors: profile.* (docs/profile.md lists them) and
// the parts' own errors with their paths prefixed (/forms/0/steps/1/..., /register/2/...).
Loaded load(const Json& bundle);
// The same, keeping `bundle` itself as the profile's bundle() instead of a copy of it.
Loaded load(Json&& bundle);

// The bundle's JSON text, loaded as load() does except for the address registers: each
// district's register is kept as its text and read when first needed (a validation in that
// district, a suggestion, district_of, address_register() or bundle()), once, safely from
// several threads. What the browser runs: most of a bundle is its registers, and a citizen
// needs at most one. Every answer about a sound bundle is the same as load()'s. A register
// that cannot be read (not JSON, or not civic/address.hpp's JSON form) is not refused here:
// a validation in its district gives profile.register_damaged (params {"district", "code",
// "register": the problem's pointer in the bundle}), and its district offers no suggestions.
// load() (profile.check, the server, the CLI) checks every register at load, as before.
// Nullopt when the text is not JSON.
std::optional<Loaded> load_text(std::string_view bundle_text);

// The municipality's catalogue of e-services: each life event in the profile's order with the
// services of its forms in the bundle's order (a form without a "service" block is not one),
// and, for the life event the election service names, how open elections are offered:
//   {"life_events": [{"id", "title", "services": [{"form", "title", "summary", "you_need",
//     "duration", "fee", "legal_basis"}], "elections"?: {"summary", ...}}]}
// fee: {"text"} or {"min_eur", "max_eur"}; legal_basis: {"text", "url"?}; texts {"bg","en"}.
Json catalogue_json(const Profile& profile);

}  // namespace civic::profile
