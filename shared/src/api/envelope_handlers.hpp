// JSON API handlers of the envelope module (internal to the api module), in docs/api.md:
//   envelope.canonicalize {"value"}                       → {"canonical","hash"}
//   envelope.hash         {"envelope"}                    → {"content_hash","valid","problem"}
//   envelope.seal         {"form_id","form_version","answers","personal","report_hash",
//                          "created_at","public_key","seed"} → {"envelope"}
//   envelope.open         {"envelope","secret_key"}       → {"envelope","personal"}
//   envelope.keypair      {"seed"}                        → {"public_key","secret_key"}
#pragma once

#include "civic/envelope.hpp"
#include "request.hpp"

namespace civic::api {

Json envelope_canonicalize_handler(const Request& request);
Json envelope_hash_handler(const Request& request);
Json envelope_seal_handler(const Request& request);
Json envelope_open_handler(const Request& request);
Json envelope_keypair_handler(const Request& request);

// A required member of any JSON type. Error api.bad_request naming it otherwise.
Result<Json> required_member(const Request& request, const char* field);

// The request's "seed": 64 hex digits that feed a SeededRng. Error api.bad_request.
Result<envelope::SecretKey> seed_of(const Request& request);
// The request's "public_key": 64 hex digits, an X25519 key. Error envelope.bad_key.
Result<envelope::PublicKey> public_key_of(const Request& request);

// `error` with `prefix` put in front of its path (the member the error is inside).
Error prefixed(Error error, const std::string& prefix);

}  // namespace civic::api
