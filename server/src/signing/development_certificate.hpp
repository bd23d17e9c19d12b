// development_certificate.hpp — the development signing CA's certificates: a small JSON
// document signed with Ed25519. A DEVELOPMENT FORMAT, NOT X.509: real qualified certificates
// are X.509 (ETSI EN 319 412); this one carries the same few facts so that the whole flow runs
// in tests and `make run` without a trust service (docs/signing.md).
//
//   {"format":"civickit-dev-certificate/1","serial":"<16 hex>",
//    "subject":{"common_name":"…","serial_number":"PNOBG-<personal number>"},
//    "issuer":"civickit development signing CA","public_key":"<64 hex, Ed25519>",
//    "not_before":"YYYY-MM-DDTHH:MM:SSZ","not_after":"…","signature":"<128 hex>"}
// `signature` is the CA's Ed25519 signature over the RFC 8785 form of the rest; the subject's
// serial_number is the ETSI EN 319 412-1 semantics identifier of a natural person: "PNO"
// (national personal number), the country, "-", the number (EGN or LNCh).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "civic/result.hpp"

namespace civic::server {

inline constexpr const char* kDevelopmentIssuer = "civickit development signing CA";

using Ed25519Seed = std::array<std::uint8_t, 32>;
using Ed25519PublicKey = std::array<std::uint8_t, 32>;

struct DevelopmentCertificate {
  std::string serial;
  std::string common_name;
  std::string personal_number;  // digits; the subject's serial_number is "PNOBG-" + it
  std::string public_key;       // the signer's Ed25519 public key, 64 hex digits
  std::string not_before;
  std::string not_after;
};

// The certificate as JSON text, signed by the CA's `ca_seed`.
std::string issue_certificate(const DevelopmentCertificate& certificate,
                              const Ed25519Seed& ca_seed);

// The certificate in `text` when it is well formed and signed by `ca_key`.
// Errors: signature.untrusted_certificate.
Result<DevelopmentCertificate> read_certificate(const std::string& text,
                                                const Ed25519PublicKey& ca_key);

// SHA-256 of the certificate's RFC 8785 form, 64 lower-case hex digits ("" when `text` is not
// JSON).
std::string certificate_fingerprint(const std::string& text);

}  // namespace civic::server
