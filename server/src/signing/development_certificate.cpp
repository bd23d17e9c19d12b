#include "signing/development_certificate.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "civic/jcs.hpp"
#include "signing/hex.hpp"

namespace civic::server {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "civickit-dev-certificate/1";
constexpr const char* kPersonalNumberPrefix = "PNOBG-";

Json unsigned_certificate(const DevelopmentCertificate& c) {
  return Json{{"format", kFormat},
              {"serial", c.serial},
              {"subject",
               {{"common_name", c.common_name},
                {"serial_number", std::string(kPersonalNumberPrefix).append(c.personal_number)}}},
              {"issuer", kDevelopmentIssuer},
              {"public_key", c.public_key},
              {"not_before", c.not_before},
              {"not_after", c.not_after}};
}

Error untrusted() {
  return Error{"signature.untrusted_certificate",
               "",
               {"Сертификатът на подписа не е издаден от доверен доставчик",
                "The signing certificate was not issued by a trusted provider"},
               {}};
}

std::string text_of(const Json& object, const char* name) {
  const auto member = object.find(name);
  return member != object.end() && member->is_string() ? member->get<std::string>() : "";
}

}  // namespace

std::string issue_certificate(const DevelopmentCertificate& certificate,
                              const Ed25519Seed& ca_seed) {
  Json document = unsigned_certificate(certificate);
  // Text members only: canonicalization cannot fail.
  const auto canonical_form = jcs::canonicalize(document);
  const std::string canonical = canonical_form ? *canonical_form : std::string();
  std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> ca_public{};
  std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> ca_secret{};
  crypto_sign_seed_keypair(ca_public.data(), ca_secret.data(), ca_seed.data());
  std::array<std::uint8_t, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(),
                       ca_secret.data());
  sodium_memzero(ca_secret.data(), ca_secret.size());
  document["signature"] = to_hex(signature);
  return document.dump();
}

Result<DevelopmentCertificate> read_certificate(const std::string& text,
                                                const Ed25519PublicKey& ca_key) {
  const Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || text_of(document, "format") != kFormat ||
      text_of(document, "issuer") != kDevelopmentIssuer || !document.contains("subject") ||
      !document["subject"].is_object()) {
    return untrusted();
  }
  const Json& subject = document["subject"];
  const std::string serial_number = text_of(subject, "serial_number");
  const std::string prefix = kPersonalNumberPrefix;
  DevelopmentCertificate certificate{text_of(document, "serial"),
                                     text_of(subject, "common_name"),
                                     serial_number.substr(0, prefix.size()) == prefix
                                         ? serial_number.substr(prefix.size())
                                         : std::string(),
                                     text_of(document, "public_key"),
                                     text_of(document, "not_before"),
                                     text_of(document, "not_after")};
  std::array<std::uint8_t, crypto_sign_BYTES> signature{};
  Ed25519PublicKey signer_key{};
  if (certificate.serial.empty() || certificate.common_name.empty() ||
      certificate.personal_number.empty() || !from_hex(certificate.public_key, signer_key) ||
      !from_hex(text_of(document, "signature"), signature)) {
    return untrusted();
  }
  // Exactly the members the CA signs: anything added or changed breaks the signature.
  Json signed_part = document;
  signed_part.erase("signature");
  const auto canonical = jcs::canonicalize(signed_part);
  if (!canonical || signed_part != unsigned_certificate(certificate) ||
      crypto_sign_verify_detached(signature.data(),
                                  reinterpret_cast<const unsigned char*>(canonical->data()),
                                  canonical->size(), ca_key.data()) != 0) {
    return untrusted();
  }
  return certificate;
}

std::string certificate_fingerprint(const std::string& text) {
  const Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto canonical = jcs::canonicalize(document);
  if (document.is_discarded() || !canonical) return "";
  std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(canonical->data()),
                     canonical->size());
  return to_hex(digest);
}

}  // namespace civic::server
