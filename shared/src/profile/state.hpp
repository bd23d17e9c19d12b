// The loaded profile's parts (internal to the profile module).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "civic/profile.hpp"

namespace civic::profile {

// What forms, policies and form contexts point into. Shared, so that a form or a context
// handed out by a Profile stays usable after the Profile itself is gone.
struct Core {
  address::Register reg;
  std::vector<District> districts;
  expr::Registry functions;  // the standard functions + district_of (reads `reg`)
};

struct Profile::Impl {
  Json bundle;
  std::string id;
  std::string version;
  std::shared_ptr<Core> core;
  std::vector<geo::Polygon> boundary;
  std::map<std::string, std::shared_ptr<const forms::Form>, std::less<>> forms;
  std::map<std::string, std::shared_ptr<const eligibility::Policy>, std::less<>> policies;
};

// The problems of one address answer (JSON, as in address::address_from_json) against the
// profile: profile.district_not_live for a district whose register is not loaded yet, else
// every address::validate error. Paths are relative to the address.
std::vector<Error> check_address(const Core& core, const Json& address);

// Adds district_of(address) to `core.functions` (see docs/profile.md).
void add_district_of(Core& core);

}  // namespace civic::profile
