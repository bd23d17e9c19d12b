// JSON API handler of the files module (internal to the api module), in docs/api.md:
//   file.media_type {"head"} → {"media_type"}
#pragma once

#include "request.hpp"

namespace civic::api {

Json file_media_type_handler(const Request& request);

}  // namespace civic::api
