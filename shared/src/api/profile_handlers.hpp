// JSON API handlers of the profile module (internal to the api module), in docs/api.md:
//   profile.check         {"bundle"}                               → {"ok","errors"}
//   profile.validate_form {"bundle","form","answers","today"}      → the form's report
//   profile.catalogue     {"bundle"}                               → the service catalogue
#pragma once

#include "civic/profile.hpp"
#include "request.hpp"

namespace civic::api {

Json profile_check_handler(const Request& request);
Json profile_validate_form_handler(const Request& request);
Json profile_catalogue_handler(const Request& request);

// The address finder of a loaded profile: address.suggest's request and suggestions from its
// register, then (when fewer than "limit") the places of districts that are not live:
//   {"kind":"place"|"settlement","district","label","settlement","address"}
// ("place": a complex or quarter; "settlement": a town or village; "address": what choosing
// it fills in).
Json profile_suggest_json(const Request& request, const profile::Profile& profile);

// profile.unknown_form (path /form): the profile has no form `id`.
Error unknown_form(const Json& id);

}  // namespace civic::api
