#include "civic/envelope.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

// envelope.hash {"envelope"} → {"content_hash": computed, "valid": shape and hash check
// passed, "problem": null or the Error that verification found}
Json envelope_hash_handler(const Request& request) {
  auto envelope = required_member(request, "envelope");
  if (!envelope) return failure(envelope.error());
  auto hash = envelope::content_hash(*envelope);
  if (!hash) {
    return failure(prefixed(hash.error(), "/envelope"));
  }
  auto verified = envelope::verify(*envelope);
  return Json{{"content_hash", *hash},
              {"valid", verified.ok()},
              {"problem", verified ? Json(nullptr) : error_to_json(verified.error())}};
}

}  // namespace civic::api
