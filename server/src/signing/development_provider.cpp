#include "signing/development_provider.hpp"

#include <sodium.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "random.hpp"
#include "signing/hex.hpp"

namespace civic::server {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::int64_t kCertificateSeconds = std::int64_t{365} * 24 * 3600;

Error signing_error(const char* code, const char* bg, const char* en) {
  return Error{code, "", {bg, en}, {}};
}

}  // namespace

std::string signed_bytes(const std::string& content_hash) {
  return std::string("civickit-declaration/1:").append(content_hash);
}

std::string short_code_of(const std::string& content_hash) {
  std::string code;
  for (std::size_t i = 0; i < 8 && i < content_hash.size(); ++i) {
    if (i == 4) code.push_back('-');
    code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(content_hash[i]))));
  }
  return code;
}

DevelopmentSigningProvider::DevelopmentSigningProvider(const Ed25519Seed& ca_seed,
                                                       const CallbackKey& callback_key)
    : ca_seed_(ca_seed), callback_key_(callback_key) {
  std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secret{};
  crypto_sign_seed_keypair(ca_key_.data(), secret.data(), ca_seed_.data());
  sodium_memzero(secret.data(), secret.size());
}

Result<SigningStarted> DevelopmentSigningProvider::start(const SigningRequest& request) {
  return SigningStarted{std::string("/dev/sign/").append(request.request_id),
                        short_code_of(request.content_hash)};
}

Result<std::optional<SigningEvent>> DevelopmentSigningProvider::status(const std::string&) {
  return std::optional<SigningEvent>();  // the "phone" reports by callback only
}

SigningEvent DevelopmentSigningProvider::confirm(const std::string& request_id,
                                                 const std::string& content_hash,
                                                 const std::string& common_name,
                                                 const std::string& personal_number,
                                                 std::int64_t now) const {
  std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> signer_public{};
  std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> signer_secret{};
  crypto_sign_keypair(signer_public.data(), signer_secret.data());
  const std::string certificate =
      issue_certificate({random_hex(8), common_name, personal_number, to_hex(signer_public),
                         utc_timestamp(now), utc_timestamp(now + kCertificateSeconds)},
                        ca_seed_);
  const std::string message = signed_bytes(content_hash);
  std::array<std::uint8_t, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       signer_secret.data());
  sodium_memzero(signer_secret.data(), signer_secret.size());
  return SigningEvent{request_id, "signed", to_hex(signature), certificate};
}

SigningEvent DevelopmentSigningProvider::refuse(const std::string& request_id) const {
  return SigningEvent{request_id, "refused", "", ""};
}

std::string DevelopmentSigningProvider::callback_body(const SigningEvent& event) const {
  return Json{{"request", event.request_id},
              {"outcome", event.outcome},
              {"signature", event.signature},
              {"certificate", event.certificate}}
      .dump();
}

Result<SigningEvent> DevelopmentSigningProvider::read_callback(const std::string& body,
                                                               const std::string& mac) const {
  if (!callback_signature_matches(callback_key_, body, mac)) {
    return signing_error("signature.bad_callback_signature",
                         "Известието за подписа не е автентично",
                         "The signing notice is not authentic");
  }
  const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  const auto text = [&](const char* name) {
    return json.is_object() && json.contains(name) && json[name].is_string();
  };
  if (!text("request") || !text("outcome") || !text("signature") || !text("certificate")) {
    return signing_error("signature.bad_callback", "Известието за подписа е непълно",
                         "The signing notice is incomplete");
  }
  SigningEvent event{json["request"].get<std::string>(), json["outcome"].get<std::string>(),
                     json["signature"].get<std::string>(), json["certificate"].get<std::string>()};
  if (event.outcome != "signed" && event.outcome != "refused") {
    return signing_error("signature.bad_callback", "Непознат изход на подписването",
                         "An unknown signing outcome");
  }
  return event;
}

Result<VerifiedSignature> DevelopmentSigningProvider::verify(const std::string& content_hash,
                                                             const std::string& signature,
                                                             const std::string& certificate,
                                                             const std::string& signed_at) const {
  auto read = read_certificate(certificate, ca_key_);
  if (!read) return read.error();
  if (signed_at < read->not_before || signed_at > read->not_after) {
    return signing_error("signature.certificate_expired",
                         "Сертификатът на подписа не е бил валиден към момента на подписване",
                         "The signing certificate was not valid when the declaration was signed");
  }
  Ed25519PublicKey signer_key{};
  std::array<std::uint8_t, crypto_sign_BYTES> bytes{};
  const std::string message = signed_bytes(content_hash);
  if (!from_hex(read->public_key, signer_key) || !from_hex(signature, bytes) ||
      crypto_sign_verify_detached(bytes.data(),
                                  reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size(), signer_key.data()) != 0) {
    return signing_error("signature.invalid", "Подписът не е на тази декларация",
                         "The signature does not sign this declaration");
  }
  return VerifiedSignature{read->common_name, read->personal_number, read->serial,
                           kDevelopmentIssuer, certificate_fingerprint(certificate)};
}

}  // namespace civic::server
