// signing_provider.hpp — how civic-server has a declaration signed with a qualified electronic
// signature and learns that it was.
//
// The citizen signs outside civic-server, with a qualified trust service (in Bulgaria
// Evrotrust or B-Trust) on their own phone. civic-server starts a signing request there for
// the envelope's content hash (docs/signing.md: what is signed and why), the citizen confirms
// in the provider's app, and civic-server learns the outcome from the provider's callback
// (authenticated with an HMAC-SHA256 of its body, keys/signing_callback.key) or by asking
// for the request's status. It then verifies the signature and the signer's certificate
// itself; a callback that is forged or late, or a signature that does not verify, changes
// nothing (signature_routes.hpp). An adapter for a real provider implements this interface;
// see docs/signing.md for what it must do.
#pragma once

#include <optional>
#include <string>

#include "civic/result.hpp"

namespace civic::server {

// What civic-server asks the provider to have signed.
struct SigningRequest {
  std::string request_id;    // ours: names the request in callbacks and on the phone
  std::string content_hash;  // the envelope's content_hash (64 lower-case hex digits)
  std::string expires_at;    // "YYYY-MM-DDTHH:MM:SSZ": a confirmation after it is refused
};

// The provider's answer to a new request.
struct SigningStarted {
  std::string confirm_url;  // where the citizen confirms (absolute, or a path on this server)
  std::string short_code;   // shown on the web page and on the phone, so the citizen sees
                            // that they confirm this very request
};

// A provider's news of a request (from a callback or a status query), not yet verified.
struct SigningEvent {
  std::string request_id;
  std::string outcome;      // "signed" or "refused"
  std::string signature;    // when signed: the signature, in the provider's format
  std::string certificate;  // when signed: the signer's certificate, in the provider's format
};

// A signature that verified, and what its certificate says.
struct VerifiedSignature {
  std::string subject;          // the signer's name as the certificate states it
  std::string personal_number;  // from the subject's semantics identifier (PNOBG-…): secret
  std::string serial;           // the certificate's serial number
  std::string issuer;           // the issuing trust service's name
  std::string fingerprint;      // SHA-256 of the certificate, 64 lower-case hex digits
};

class SigningProvider {
 public:
  virtual ~SigningProvider() = default;

  // Registers the request with the provider. Errors: signature.provider_unavailable.
  virtual Result<SigningStarted> start(const SigningRequest& request) = 0;

  // What the provider knows of request `request_id` now: nullopt while the citizen has not
  // answered (or when the provider only reports by callback). Errors:
  // signature.provider_unavailable.
  virtual Result<std::optional<SigningEvent>> status(const std::string& request_id) = 0;

  // Checks the callback's authentication (`mac`: the hex HMAC the provider sent) and reads it.
  // Errors: signature.bad_callback_signature (forged or changed), signature.bad_callback
  // (malformed).
  virtual Result<SigningEvent> read_callback(const std::string& body,
                                             const std::string& mac) const = 0;

  // Verifies that `signature` signs `content_hash` with the key of `certificate`, that the
  // certificate chains to one of the provider's trusted (qualified) CAs and was valid at
  // `signed_at` ("YYYY-MM-DDTHH:MM:SSZ"), and reads the certificate. Errors:
  // signature.invalid, signature.untrusted_certificate, signature.certificate_expired.
  virtual Result<VerifiedSignature> verify(const std::string& content_hash,
                                           const std::string& signature,
                                           const std::string& certificate,
                                           const std::string& signed_at) const = 0;
};

}  // namespace civic::server
