#include "civic/envelope.hpp"

#include <sodium.h>

#include "civic/jcs.hpp"
#include "civic/strict_json.hpp"
#include "encoding.hpp"
#include "sealed_box.hpp"
#include "shape.hpp"

namespace civic::envelope {

namespace {

constexpr std::size_t kIdempotencyBytes = 16;

// A jcs.* error inside `member`, with its path made absolute.
Error inside(Error error, const std::string& member) {
  error.path = member + error.path;
  return error;
}

}  // namespace

Result<Json> seal(const Draft& draft, const PublicKey& recipient, Rng& rng) {
  auto ok = check_draft(draft);
  if (!ok) return ok.error();
  auto answers = jcs::canonicalize(draft.answers);
  if (!answers) return inside(answers.error(), "/answers");
  auto personal = jcs::canonicalize(draft.personal);
  if (!personal) return inside(personal.error(), "/personal");

  std::array<std::uint8_t, kIdempotencyBytes> idempotency_id;
  rng.fill(idempotency_id);
  const auto sealed = seal_box(*personal, recipient, rng);
  if (!sealed) return unusable_key("/public_key");

  Json envelope{{"format", kFormat},
                {"form", {{"id", draft.form_id}, {"version", draft.form_version}}},
                {"created_at", draft.created_at},
                {"idempotency_id", to_hex(idempotency_id.data(), idempotency_id.size())},
                {"report_hash", draft.report_hash},
                {"answers", draft.answers},
                {"recipient", to_hex(recipient.data(), recipient.size())},
                {"sealed", to_base64(*sealed)}};
  auto hash = content_hash(envelope);
  if (!hash) return hash.error();
  envelope["content_hash"] = *hash;
  return envelope;
}

Result<std::string> content_hash(const Json& envelope) {
  if (!envelope.is_object()) return malformed("", "очаква се обект", "an object expected");
  Json covered = envelope;
  covered.erase("content_hash");
  auto canonical = jcs::canonicalize(covered);
  if (!canonical) return canonical.error();
  return blake2b_256_hex(*canonical);
}

Result<Unit> verify(const Json& envelope) {
  auto ok = check_envelope_shape(envelope);
  if (!ok) return ok;
  auto hash = content_hash(envelope);
  if (!hash) return hash.error();
  if (*hash != envelope["content_hash"].get_ref<const std::string&>()) {
    return Error{"envelope.hash_mismatch",
                 "/content_hash",
                 {"Съдържанието на плика е променено след създаването му",
                  "The envelope's content was changed after it was made"},
                 {{"computed", *hash}}};
  }
  return Unit{};
}

Result<Opened> open(const Json& envelope, const SecretKey& secret) {
  auto ok = verify(envelope);
  if (!ok) return ok.error();
  const PublicKey own = public_key_of(secret);
  if (to_hex(own.data(), own.size()) != envelope["recipient"].get_ref<const std::string&>()) {
    return Error{"envelope.wrong_key",
                 "/recipient",
                 {"Пликът е запечатан за друг ключ", "The envelope was sealed to another key"},
                 Json::object()};
  }
  const Error seal_invalid{"envelope.seal_invalid",
                           "/sealed",
                           {"Запечатаната част не може да се отвори: повредена е",
                            "The sealed part cannot be opened: it is damaged"},
                           Json::object()};
  auto box = from_base64(envelope["sealed"].get_ref<const std::string&>());
  auto message = box ? open_box(*box, own, secret) : std::nullopt;
  if (!message) return seal_invalid;
  Json personal = parse_json(*message);
  if (personal.is_discarded() || !personal.is_object()) return seal_invalid;
  return Opened{envelope, std::move(personal)};
}

Result<std::string> canonical_hash(const Json& value) {
  auto canonical = jcs::canonicalize(value);
  if (!canonical) return canonical.error();
  return blake2b_256_hex(*canonical);
}

Result<PublicKey> parse_public_key(std::string_view hex) {
  auto bytes = from_hex(hex, 32);
  if (!bytes) return bad_key("");
  PublicKey key;
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return key;
}

Result<SecretKey> parse_secret_key(std::string_view hex) {
  auto bytes = from_hex(hex, 32);
  if (!bytes) return bad_key("");
  SecretKey key;
  std::copy(bytes->begin(), bytes->end(), key.begin());
  sodium_memzero(bytes->data(), bytes->size());
  return key;
}

PublicKey public_key_of(const SecretKey& secret) {
  // X25519(secret, 9) by the ladder crypto_box already links, not crypto_scalarmult_base: the
  // same bytes (RFC 7748), without libsodium's 30 KiB table of base-point multiples, which
  // was an eighth of the citizen's wasm download.
  static constexpr PublicKey kBasePoint{9};
  PublicKey key;
  // Never fails: the base point has prime order and no clamped scalar is a multiple of it.
  [[maybe_unused]] const int status =
      crypto_scalarmult_curve25519(key.data(), secret.data(), kBasePoint.data());
  return key;
}

KeyPair generate_key_pair(Rng& rng) {
  KeyPair pair;
  rng.fill(pair.secret_key);
  pair.public_key = public_key_of(pair.secret_key);
  return pair;
}

}  // namespace civic::envelope
