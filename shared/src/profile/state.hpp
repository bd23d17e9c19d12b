// The loaded profile's parts (internal to the profile module).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "civic/profile.hpp"
#include "civic/service.hpp"
#include "lazy_register.hpp"

namespace civic::profile {

// What forms, policies and form contexts point into. Shared, so that a form or a context
// handed out by a Profile stays usable after the Profile itself is gone.
// A place of a district that is not live, its name folded at load (Profile::places).
struct PlaceEntry {
  Place::Kind kind;
  size_t district;  // index into Core::districts
  std::string name;
  std::string settlement;                 // EKATTE; the city's for a complex
  std::vector<std::string> postal_codes;  // a settlement's
  std::string key;                        // fold_for_search(name)
};

struct Core {
  LazyRegister reg;
  std::string city;  // the municipality's EKATTE: the settlement of every district's complexes
  std::vector<District> districts;
  std::vector<PlaceEntry> places;
  expr::Registry functions;  // the standard functions + district_of (reads `reg`)
};

struct Profile::Impl {
  Json bundle;  // for load_text: with each register set aside as {"district"}, until bundle()
  std::once_flag bundle_read;
  std::string id;
  std::string version;
  std::shared_ptr<Core> core;
  std::vector<geo::Polygon> boundary;
  std::map<std::string, std::shared_ptr<const forms::Form>, std::less<>> forms;
  std::map<std::string, std::shared_ptr<const eligibility::Policy>, std::less<>> policies;
  std::vector<service::LifeEvent> life_events;       // the catalogue's groups, in order
  std::optional<service::Service> election_service;  // how the open elections are offered
};

// The problems of one address answer (JSON, as in address::address_from_json) against the
// profile: profile.district_not_live for a district whose register is not loaded yet, else
// every address::validate error. Paths are relative to the address.
std::vector<Error> check_address(const Core& core, const Json& address);

// Fills `core.places` from the districts that are not live (after the districts are loaded).
void index_places(Core& core);

// The district an address lies in: the one it names, else the one of its settlement (other
// than the city) or of its complex (a place of a district that is not live); null when none.
const District* district_of_place(const Core& core, const address::Address& address);

// Reads a district's optional "settlements" and "places" (bundle JSON at `path`) into
// `district`; each malformed member gives a profile.bad_bundle error.
void read_places(const Json& item, const std::string& path, District& district,
                 std::vector<Error>& errors);

// The service catalogue's members (docs/profile.md "Service catalogue"), read after the forms:
// "life_events" and "election_service" into `impl`, then every service's life event checked
// against them (profile.unknown_life_event). Problems are added to `errors`.
void read_catalogue(const Json& bundle, Profile::Impl& impl, std::vector<Error>& errors);

// Adds district_of(address) to `core.functions` (see docs/profile.md).
void add_district_of(Core& core);

}  // namespace civic::profile
