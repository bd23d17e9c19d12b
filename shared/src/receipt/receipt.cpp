#include "civic/receipt.hpp"

#include <sodium.h>

#include "shape.hpp"
#include "signature.hpp"

namespace civic::receipt {

namespace {

Json unsigned_receipt(const Facts& facts) {
  Json receipt{{"format", facts.format},
               {"submission_id", facts.submission_id},
               {"envelope_hash", facts.envelope_hash},
               {"form", {{"id", facts.form_id}, {"version", facts.form_version}}},
               {"received_at", facts.received_at},
               {"status_token", facts.status_token}};
  if (const auto& signer = facts.signed_with) {
    receipt["signed_with"] = Json{{"subject", signer->subject},
                                  {"serial", signer->serial},
                                  {"issuer", signer->issuer},
                                  {"fingerprint", signer->fingerprint}};
  }
  return receipt;
}

// Exactly 64 hex digits (either case) → 32 bytes.
template <typename Key>
Result<Key> parse_key(std::string_view hex, const char* path) {
  Key key{};
  std::size_t length = 0;
  if (hex.size() != 2 * key.size() ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) !=
          0 ||
      length != key.size()) {
    return Error{
        "receipt.bad_key",
        path,
        {"Ключът трябва да е 64 шестнадесетични цифри", "The key must be 64 hexadecimal digits"},
        {}};
  }
  return key;
}

}  // namespace

Result<Json> sign(const Facts& facts, const Seed& seed) {
  auto ok = check_facts(facts);
  if (!ok) return ok.error();
  Json receipt = unsigned_receipt(facts);
  auto signature = sign_canonical(receipt, seed);
  if (!signature) return signature.error();
  receipt["signature"] = *signature;
  return receipt;
}

Result<Unit> verify(const Json& receipt, const PublicKey& key) {
  auto facts = read_receipt(receipt);
  if (!facts) return facts.error();
  auto valid = verify_canonical(unsigned_receipt(*facts),
                                receipt["signature"].get_ref<const std::string&>(), key);
  if (!valid) return valid.error();
  if (!*valid) {
    return Error{"receipt.bad_signature",
                 "/signature",
                 {"Разписката не е подписана от общината или е променена",
                  "The receipt was not signed by the municipality or was changed"},
                 {}};
  }
  return Unit{};
}

Result<PublicKey> parse_public_key(std::string_view hex) { return parse_key<PublicKey>(hex, ""); }

Result<Seed> parse_seed(std::string_view hex) { return parse_key<Seed>(hex, ""); }

PublicKey public_key_of(const Seed& seed) {
  PublicKey public_key{};
  std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secret_key{};
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed.data());
  sodium_memzero(secret_key.data(), secret_key.size());
  return public_key;
}

Seed generate_seed(Rng& rng) {
  Seed seed{};
  rng.fill(seed);
  return seed;
}

}  // namespace civic::receipt
