#include "civic/envelope.hpp"
#include "civic/jcs.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

// envelope.canonicalize {"value"} → {"canonical": JCS text, "hash": hex BLAKE2b-256 of it}
Json envelope_canonicalize_handler(const Request& request) {
  auto value = required_member(request, "value");
  if (!value) return failure(value.error());
  auto canonical = jcs::canonicalize(*value);
  if (!canonical) {
    return failure(prefixed(canonical.error(), "/value"));
  }
  auto hash = envelope::canonical_hash(*value);
  return Json{{"canonical", *canonical}, {"hash", *hash}};
}

}  // namespace civic::api
