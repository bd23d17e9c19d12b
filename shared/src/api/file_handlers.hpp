// JSON API handler of the files module (internal to the api module), in docs/api.md:
//   file.media_type {"head"} → {"media_type"}
//   file.seal {"content","public_key","seed"} → {"upload","header","size","sha256","chunks"}
#pragma once

#include "request.hpp"

namespace civic::api {

Json file_media_type_handler(const Request& request);
Json file_seal_handler(const Request& request);

}  // namespace civic::api
