// development_provider.hpp — a signing provider for development and tests (--signing
// development): a local test CA (keys/signing_ca.key, an Ed25519 seed) and a page of
// civic-server itself, /dev/sign/{request}, that plays the citizen's phone: it shows the
// request's short code and the hash, asks whose phone it is (name, personal number), and
// confirms or refuses. Confirming makes a key pair for the signer, a development certificate
// (development_certificate.hpp) for them, and the signature; either answer becomes a callback
// authenticated with keys/signing_callback.key, exactly as a real provider would send it,
// handed to the same handler. Never enable it on a server that takes real declarations.
#pragma once

#include "payments/callback_signature.hpp"
#include "signing/development_certificate.hpp"
#include "signing/signing_provider.hpp"

namespace civic::server {

// The bytes a signature covers: "civickit-declaration/1:" followed by the content hash.
std::string signed_bytes(const std::string& content_hash);

class DevelopmentSigningProvider final : public SigningProvider {
 public:
  DevelopmentSigningProvider(const Ed25519Seed& ca_seed, const CallbackKey& callback_key);

  Result<SigningStarted> start(const SigningRequest& request) override;
  Result<std::optional<SigningEvent>> status(const std::string& request_id) override;
  Result<SigningEvent> read_callback(const std::string& body,
                                     const std::string& mac) const override;
  Result<VerifiedSignature> verify(const std::string& content_hash, const std::string& signature,
                                   const std::string& certificate,
                                   const std::string& signed_at) const override;

  // What "the phone" answers. Confirming: a new key pair and a certificate for the signer,
  // valid for a year from `now` ("YYYY-MM-DDTHH:MM:SSZ"), and the signature of the hash.
  SigningEvent confirm(const std::string& request_id, const std::string& content_hash,
                       const std::string& common_name, const std::string& personal_number,
                       std::int64_t now) const;
  SigningEvent refuse(const std::string& request_id) const;

  // The callback body for `event`, and its authentication.
  std::string callback_body(const SigningEvent& event) const;
  std::string mac(const std::string& body) const { return callback_signature(callback_key_, body); }

 private:
  Ed25519Seed ca_seed_;
  Ed25519PublicKey ca_key_{};
  CallbackKey callback_key_;
};

// The short code shown on both screens: the content hash's first 8 hex digits, "ABCD-EF01".
std::string short_code_of(const std::string& content_hash);

}  // namespace civic::server
