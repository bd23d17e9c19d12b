#include "civic/receipt.hpp"
#include "envelope_handlers.hpp"
#include "receipt_handlers.hpp"

namespace civic::api {

// receipt.verify {"receipt","public_key"} → {"valid":true}
Json receipt_verify_handler(const Request& request) {
  auto receipt = required_member(request, "receipt");
  if (!receipt) return failure(receipt.error());
  auto key_hex = request.string("public_key");
  if (!key_hex) return failure(key_hex.error());
  auto key = receipt::parse_public_key(*key_hex);
  if (!key) return failure(prefixed(key.error(), "/public_key"));
  auto ok = receipt::verify(*receipt, *key);
  if (!ok) return failure(prefixed(ok.error(), "/receipt"));
  return Json{{"valid", true}};
}

}  // namespace civic::api
