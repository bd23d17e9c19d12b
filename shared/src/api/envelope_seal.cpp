#include <sodium.h>

#include "civic/envelope.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

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
  auto key_hex = request.string("public_key");
  if (!key_hex) return failure(key_hex.error());
  auto key = envelope::parse_public_key(*key_hex);
  if (!key) return failure(prefixed(key.error(), "/public_key"));
  auto seed_hex = request.string("seed");
  if (!seed_hex) return failure(seed_hex.error());
  auto seed = envelope::parse_secret_key(*seed_hex);  // 32 bytes, the same form
  if (!seed) {
    return failure(Error{"api.bad_request",
                         "/seed",
                         {"Полето „seed“ трябва да е 64 шестнадесетични цифри",
                          "The field \"seed\" must be 64 hexadecimal digits"},
                         {{"field", "seed"}}});
  }

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
