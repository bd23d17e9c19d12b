// civic/receipt.hpp — the server's signed acknowledgement of a submission.
//
// When the server has stored an envelope durably it answers with a receipt the citizen
// keeps. Anyone holding the municipality's receipt public key (the profile bundle's
// keys.receipt) can check it offline: the signature is Ed25519 (libsodium's
// crypto_sign_detached, deterministic) over the RFC 8785 canonical form (civic/jcs.hpp) of
// the receipt without its "signature" member.
//
// A receipt is a JSON object, members in this order:
//   {"format":"civickit-receipt/2","submission_id","envelope_hash","form":{"id","version"},
//    "received_at":"YYYY-MM-DDTHH:MM:SSZ","status_token","signed_with"?,"signature"}
//   submission_id  the submission's reference (civic/reference.hpp, canonical: 11 symbols);
//   envelope_hash  the envelope's content_hash (civic/envelope.hpp): what was received;
//   status_token   a status code (civic/reference.hpp, canonical: 16 symbols, 75 random
//                  bits): the citizen's secret for asking the submission's status later;
//   signed_with    optional (format 2 only): the declaration was signed with a qualified
//                  electronic signature over envelope_hash (docs/signing.md), by the
//                  certificate {"subject","serial","issuer","fingerprint"}: the subject's and
//                  issuer's names, the certificate's serial number (non-empty text) and its
//                  SHA-256 fingerprint (64 lower-case hex digits). Like every member it is
//                  covered by the signature; a receipt without it is a declaration received
//                  unsigned;
//   signature      128 lower-case hex digits.
// sign() writes format 2. verify() also accepts format 1, the receipts issued before
// references existed: there submission_id is any non-empty string and status_token 32
// lower-case hex digits.
//
// Errors: receipt.malformed (path names the member), receipt.unsupported_format,
// receipt.bad_key, receipt.bad_signature, and the jcs.* errors of the form version.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "civic/result.hpp"
#include "civic/rng.hpp"

namespace civic::receipt {

using Json = nlohmann::ordered_json;

inline constexpr std::string_view kFormat = "civickit-receipt/2";
inline constexpr std::string_view kFormatV1 = "civickit-receipt/1";

using PublicKey = std::array<std::uint8_t, 32>;  // Ed25519 public key
using Seed = std::array<std::uint8_t, 32>;       // Ed25519 secret seed (the secret key)

// The certificate a declaration was signed with, as the receipt names it.
struct SignedWith {
  std::string subject;      // the signer's name as the certificate states it
  std::string serial;       // the certificate's serial number
  std::string issuer;       // the issuing (qualified) trust service's name
  std::string fingerprint;  // SHA-256 of the certificate, 64 lower-case hex digits
};

// What the server attests.
struct Facts {
  std::string submission_id;  // a canonical reference (non-empty in format 1)
  std::string envelope_hash;  // 64 lower-case hex digits
  std::string form_id;        // non-empty
  Json form_version;          // a string or a non-negative integer, as in the envelope
  std::string received_at;    // "YYYY-MM-DDTHH:MM:SSZ", UTC
  std::string status_token;   // a canonical status code (32 lower-case hex digits in format 1)
  std::string format = std::string(kFormat);  // kFormat, or kFormatV1 for an old receipt
  std::optional<SignedWith> signed_with{};    // format 2 only: the declaration was signed
};

// The signed receipt. Same facts and seed → byte-identical receipt.
Result<Json> sign(const Facts& facts, const Seed& seed);

// Checks the receipt's shape, format and signature against `key`.
Result<Unit> verify(const Json& receipt, const PublicKey& key);

// 64 hex digits (either case) → key. Error receipt.bad_key.
Result<PublicKey> parse_public_key(std::string_view hex);
Result<Seed> parse_seed(std::string_view hex);
PublicKey public_key_of(const Seed& seed);

// A new receipt signing seed from 32 bytes of `rng`.
Seed generate_seed(Rng& rng);

}  // namespace civic::receipt
