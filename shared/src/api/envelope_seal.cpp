#include <sodium.h>

#include "civic/envelope.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

Result<envelope::SecretKey> seed_of(const Request& request) {
  auto seed_hex = request.string("seed");
  if (!seed_hex) return seed_hex.error();
  auto seed = envelope::parse_secret_key(*seed_hex);  // 32 bytes, the same form
  if (seed) return seed;
  return Error{"api.bad_request",
               "/seed",
               {"Полето „seed“ трябва да е 64 шестнадесетични цифри",
                "The field \"seed\" must be 64 hexadecimal digits"},
               {{"field", "seed"}}};
}

Result<envelope::PublicKey> public_key_of(const Request& request) {
  auto hex = request.string("public_key");
  if (!hex) return hex.error();
  auto key = envelope::parse_public_key(*hex);
  if (!key) return prefixed(key.error(), "/public_key");
  return key;
}

// envelope.seal {"form_id","form_version","answers","personal","report_hash","created_at",
// "public_key","seed"} → {"envelope"}. The seed (64 hex digits) feeds a SeededRng: the
// caller draws it from a CSPRNG for real use, or fixes it for a reproducible envelope.
Json envelope_seal_handler(const Request& request) {
  envelope::Draft draft;
  const char* const fields[] = {"form_id", "form_version", "answers", "personal"};
  for (const char* field : fields) {
    if (auto member = required_member(request, field); !member) return failure(member.error());
  }
  auto report_hash = request.string("report_hash");
  if (!report_hash) return failure(report_hash.error());
  auto created_at = request.string("created_at");
  if (!created_at) return failure(created_at.error());
  auto key = public_key_of(request);
  if (!key) return failure(key.error());
  auto seed = seed_of(request);
  if (!seed) return failure(seed.error());
  const Json& body = request.body();
  draft.form_id = body["form_id"].is_string() ? body["form_id"].get<std::string>() : "";
  draft.form_version = body["form_version"];
  draft.answers = body["answers"];
  draft.personal = body["personal"];
  draft.report_hash = *report_hash;
  draft.created_at = *created_at;

  SeededRng rng(seed.value());
  sodium_memzero(seed.value().data(), seed->size());
  auto sealed = envelope::seal(draft, *key, rng);
  if (!sealed) return failure(sealed.error());
  return Json{{"envelope", *sealed}};
}

}  // namespace civic::api
