// JSON API handler of the reference module (internal to the api module), in docs/api.md:
//   reference.parse {"text","kind"} → {"reference","display"}
#pragma once

#include "request.hpp"

namespace civic::api {

Json reference_parse_handler(const Request& request);

}  // namespace civic::api
