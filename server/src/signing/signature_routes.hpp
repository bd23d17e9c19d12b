// signature_routes.hpp — signing a declaration before it is sent, through the SigningProvider.
//
//   POST /api/v1/signatures {"content_hash"}   a new signing request for the envelope's
//        content hash, valid kSigningMinutes: 201 with the request. 422 signature.bad_hash
//        when content_hash is not 64 lower-case hex digits; 503 signature.unavailable when no
//        provider is configured (the declaration is then sent unsigned and signed at the
//        counter).
//   GET  /api/v1/signatures/{request}          the request now (the request id is the
//        secret that names it: 75 random bits). While pending, the provider is asked for news
//        (SigningProvider::status) and any news is applied as a callback's would be.
//   POST /api/v1/signatures/callback           the provider's news (X-Signing-Signature: hex
//        HMAC-SHA256 of the body). Forged → 401 signature.bad_callback_signature; a request
//        past its expiry → 409 signature.expired; a signature that does not verify against
//        the provider's CAs → 422 (signature.invalid, signature.untrusted_certificate,
//        signature.certificate_expired); replayed or late → 200 with "counted": false. Only
//        news that settles a pending request changes anything (audited).
//   GET, POST /dev/sign/{request}              the development provider's "phone" (--signing
//        development only).
// A request is answered as {"request","state","short_code","confirm_url","expires_at",
// "updated_at","signed_with"?}: state pending | signed | refused | expired | used;
// signed_with {"subject","serial","issuer","fingerprint"} once signed.
#pragma once

#include "app.hpp"
#include "router.hpp"
#include "signing/signature_storage.hpp"

namespace civic::server {

inline constexpr int kSigningMinutes = 10;

void add_signature_routes(Router& router, App& app);

// The certificate's facts as the receipt and the operator see them.
Json signed_with_json(const SigningRecord& request);

// The JSON of a request (a pending one past its expiry shows as expired).
Json signing_json(const SigningRecord& request, std::int64_t now);

}  // namespace civic::server
