// JSON API handlers of the profile module (internal to the api module), in docs/api.md:
//   profile.check         {"bundle"}                               → {"ok","errors"}
//   profile.validate_form {"bundle","form","answers","today"}      → the form's report
#pragma once

#include "request.hpp"

namespace civic::api {

Json profile_check_handler(const Request& request);
Json profile_validate_form_handler(const Request& request);

// profile.unknown_form (path /form): the profile has no form `id`.
Error unknown_form(const Json& id);

}  // namespace civic::api
