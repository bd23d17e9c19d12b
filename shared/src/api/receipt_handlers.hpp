// JSON API handlers of the receipt module (internal to the api module), in docs/api.md:
//   receipt.verify {"receipt","public_key"} → {"valid":true}
//   certificate.verify {"certificate","public_key"} → {"valid":true}
#pragma once

#include "request.hpp"

namespace civic::api {

Json receipt_verify_handler(const Request& request);
Json certificate_verify_handler(const Request& request);

}  // namespace civic::api
