#include "civic/certificate.hpp"
#include "envelope_handlers.hpp"
#include "receipt_handlers.hpp"

namespace civic::api {

// certificate.verify {"certificate","public_key"} → {"valid":true}
Json certificate_verify_handler(const Request& request) {
  auto certificate = required_member(request, "certificate");
  if (!certificate) return failure(certificate.error());
  auto key_hex = request.string("public_key");
  if (!key_hex) return failure(key_hex.error());
  auto key = receipt::parse_public_key(*key_hex);
  if (!key) return failure(prefixed(key.error(), "/public_key"));
  auto ok = certificate::verify(*certificate, *key);
  if (!ok) return failure(prefixed(ok.error(), "/certificate"));
  return Json{{"valid", true}};
}

}  // namespace civic::api
