#include <sodium.h>

#include "civic/envelope.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

// envelope.open {"envelope","secret_key"} → {"envelope","personal"}
Json envelope_open_handler(const Request& request) {
  auto envelope = required_member(request, "envelope");
  if (!envelope) return failure(envelope.error());
  auto key_hex = request.string("secret_key");
  if (!key_hex) return failure(key_hex.error());
  auto secret = envelope::parse_secret_key(*key_hex);
  if (!secret) return failure(prefixed(secret.error(), "/secret_key"));
  auto opened = envelope::open(*envelope, *secret);
  sodium_memzero(secret.value().data(), secret->size());
  if (!opened) return failure(prefixed(opened.error(), "/envelope"));
  return Json{{"envelope", opened->envelope}, {"personal", opened->personal}};
}

// envelope.keypair {"seed"} → {"public_key","secret_key"}: the seed (64 hex digits) is
// the secret key; for tests and for operators who draw it from a CSPRNG themselves.
Json envelope_keypair_handler(const Request& request) {
  auto hex = request.string("seed");
  if (!hex) return failure(hex.error());
  auto secret = envelope::parse_secret_key(*hex);
  if (!secret) return failure(prefixed(secret.error(), "/seed"));
  const envelope::PublicKey public_key = envelope::public_key_of(*secret);
  return Json{{"public_key", envelope::to_hex(public_key.data(), public_key.size())},
              {"secret_key", envelope::to_hex(secret->data(), secret->size())}};
}

}  // namespace civic::api
