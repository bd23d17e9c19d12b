// JSON API handlers of the envelope module (internal to the api module), in docs/api.md:
//   envelope.canonicalize {"value"}                       → {"canonical","hash"}
//   envelope.hash         {"envelope"}                    → {"content_hash","valid","problem"}
//   envelope.seal         {"form_id","form_version","answers","personal","report_hash",
//                          "created_at","public_key","seed"} → {"envelope"}
//   envelope.open         {"envelope","secret_key"}       → {"envelope","personal"}
//   envelope.keypair      {"seed"}                        → {"public_key","secret_key"}
#pragma once

#include <memory>

#include "civic/envelope.hpp"
#include "civic/rng.hpp"
#include "request.hpp"

namespace civic::api {

Json envelope_canonicalize_handler(const Request& request);
Json envelope_hash_handler(const Request& request);
Json envelope_seal_handler(const Request& request);
Json envelope_open_handler(const Request& request);
Json envelope_keypair_handler(const Request& request);

// A required member of any JSON type. Error api.bad_request naming it otherwise.
Result<Json> required_member(const Request& request, const char* field);

// What sealing needs from a request: "public_key" (64 hex digits, X25519; error
// envelope.bad_key) and "seed" (64 hex digits feeding the Rng; error api.bad_request).
struct Sealing {
  envelope::PublicKey key;
  std::unique_ptr<SeededRng> rng;
};
Result<Sealing> sealing_of(const Request& request);

}  // namespace civic::api
