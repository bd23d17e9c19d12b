#include "civic/envelope.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "civic/jcs.hpp"
#include "fixtures.hpp"

namespace civic {
namespace {

using envelope::Json;

using test::bytes_of;

envelope::Draft sample_draft() {
  return envelope::Draft{"sofia.address-change",
                         "3",
                         Json{{"address_kind", "current"}, {"district", "68134-16"}},
                         Json{{"applicant", {{"egn", "6101057509"}, {"name", "Иван Петров"}}}},
                         std::string(64, 'a'),
                         "2026-11-25T10:15:00Z"};
}

struct Sealed {
  envelope::KeyPair keys;
  Json envelope;
};

Sealed seal_sample(std::uint8_t seed = 7) {
  SeededRng key_rng(bytes_of(1));
  Sealed out{envelope::generate_key_pair(key_rng), {}};
  SeededRng rng(bytes_of(seed));
  auto sealed = envelope::seal(sample_draft(), out.keys.public_key, rng);
  EXPECT_TRUE(sealed.ok()) << (sealed ? "" : sealed.error().code);
  out.envelope = *sealed;
  return out;
}

std::string code_of(const Result<envelope::Opened>& opened) {
  return opened ? "ok" : opened.error().code;
}

// Recomputes the content hash after an edit, as a forger would.
Json rehashed(Json edited) {
  edited["content_hash"] = *envelope::content_hash(edited);
  return edited;
}

TEST(Envelope, SealsAndOpens) {
  const Sealed sealed = seal_sample();
  const Json& e = sealed.envelope;
  EXPECT_EQ(e["format"], "civickit-envelope/1");
  EXPECT_EQ(e["form"], (Json{{"id", "sofia.address-change"}, {"version", "3"}}));
  EXPECT_EQ(e["idempotency_id"].get<std::string>().size(), 32u);
  EXPECT_EQ(e["answers"]["district"], "68134-16");
  EXPECT_EQ(e.dump().find("6101057509"), std::string::npos) << "personal data in the clear";
  EXPECT_TRUE(envelope::verify(e).ok());

  auto opened = envelope::open(e, sealed.keys.secret_key);
  ASSERT_TRUE(opened.ok()) << opened.error().code;
  EXPECT_EQ(opened->personal, sample_draft().personal);
  EXPECT_EQ(opened->envelope, e);
}

TEST(Envelope, SameSeedSameBytesOtherSeedOtherIdAndCiphertext) {
  EXPECT_EQ(seal_sample(7).envelope, seal_sample(7).envelope);
  const Json a = seal_sample(7).envelope, b = seal_sample(8).envelope;
  EXPECT_NE(a["idempotency_id"], b["idempotency_id"]);
  EXPECT_NE(a["sealed"], b["sealed"]);
  EXPECT_NE(a["content_hash"], b["content_hash"]);
}

TEST(Envelope, ContentHashIsBlake2bOfTheCanonicalEnvelopeWithoutIt) {
  const Json e = seal_sample().envelope;
  Json covered = e;
  covered.erase("content_hash");
  const std::string canonical = *jcs::canonicalize(covered);
  std::array<std::uint8_t, 32> hash;
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(),
                     nullptr, 0);
  EXPECT_EQ(e["content_hash"], envelope::to_hex(hash.data(), hash.size()));
}

TEST(Envelope, OpensABoxSealedByLibsodiumItself) {
  ASSERT_GE(sodium_init(), 0);  // crypto_box_seal draws from libsodium's own generator
  const Sealed sealed = seal_sample();
  const std::string message = R"({"applicant":{"egn":"7501020018"}})";
  std::vector<std::uint8_t> box(crypto_box_SEALBYTES + message.size());
  ASSERT_EQ(crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(message.data()),
                            message.size(), sealed.keys.public_key.data()),
            0);
  Json e = sealed.envelope;
  std::string base64(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(base64.data(), base64.size(), box.data(), box.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  base64.pop_back();
  e["sealed"] = base64;
  auto opened = envelope::open(rehashed(e), sealed.keys.secret_key);
  ASSERT_TRUE(opened.ok()) << opened.error().code;
  EXPECT_EQ(opened->personal["applicant"]["egn"], "7501020018");
}

TEST(Envelope, EveryFailureIsAClearError) {
  const Sealed sealed = seal_sample();
  const auto& secret = sealed.keys.secret_key;

  Json changed = sealed.envelope;
  changed["answers"]["district"] = "68134-01";
  auto opened = envelope::open(changed, secret);
  EXPECT_EQ(code_of(opened), "envelope.hash_mismatch");
  EXPECT_EQ(opened.error().path, "/content_hash");

  EXPECT_EQ(code_of(envelope::open(sealed.envelope, bytes_of(2))), "envelope.wrong_key");

  Json cut = sealed.envelope;
  std::string text = cut["sealed"];
  text[10] = text[10] == 'A' ? 'B' : 'A';
  cut["sealed"] = text;
  EXPECT_EQ(code_of(envelope::open(rehashed(cut), secret)), "envelope.seal_invalid");
  cut["sealed"] = "AAAA";
  EXPECT_EQ(code_of(envelope::open(rehashed(cut), secret)), "envelope.seal_invalid");

  Json other_format = sealed.envelope;
  other_format["format"] = "civickit-envelope/2";
  EXPECT_EQ(code_of(envelope::open(other_format, secret)), "envelope.unsupported_format");

  Json missing = sealed.envelope;
  missing.erase("report_hash");
  opened = envelope::open(missing, secret);
  EXPECT_EQ(code_of(opened), "envelope.malformed");
  EXPECT_EQ(opened.error().path, "/report_hash");

  Json extra = sealed.envelope;
  extra["note"] = "x";
  EXPECT_EQ(envelope::open(extra, secret).error().path, "/note");

  Json bad_base64 = sealed.envelope;
  bad_base64["sealed"] = "not base64!";
  EXPECT_EQ(envelope::open(bad_base64, secret).error().path, "/sealed");

  EXPECT_EQ(code_of(envelope::open(Json::array(), secret)), "envelope.malformed");
}

TEST(Envelope, RefusesABadDraft) {
  SeededRng rng(bytes_of(3));
  const envelope::PublicKey key = envelope::public_key_of(bytes_of(1));
  auto refuse = [&](envelope::Draft draft) {
    auto out = envelope::seal(draft, key, rng);
    return out ? "ok" : out.error().code + " " + out.error().path;
  };
  auto draft = sample_draft();
  draft.report_hash = std::string(64, 'A');
  EXPECT_EQ(refuse(draft), "envelope.malformed /report_hash");
  draft = sample_draft();
  draft.created_at = "2026-11-25 10:15:00";
  EXPECT_EQ(refuse(draft), "envelope.malformed /created_at");
  draft.created_at = "2026-02-30T10:15:00Z";
  EXPECT_EQ(refuse(draft), "envelope.malformed /created_at");
  draft = sample_draft();
  draft.form_version = -1;
  EXPECT_EQ(refuse(draft), "envelope.malformed /form_version");
  draft = sample_draft();
  draft.personal = "6101057509";
  EXPECT_EQ(refuse(draft), "envelope.malformed /personal");
  draft = sample_draft();
  draft.personal = Json{{"name", "\xC0"}};
  EXPECT_EQ(refuse(draft), "jcs.invalid_utf8 /personal/name");
  draft = sample_draft();
  EXPECT_EQ(envelope::seal(draft, envelope::PublicKey{}, rng).error().code, "envelope.bad_key");
}

TEST(Envelope, KeysParseFromHex) {
  EXPECT_TRUE(envelope::parse_public_key(std::string(64, 'F')).ok());
  EXPECT_EQ(envelope::parse_public_key(std::string(63, 'f')).error().code, "envelope.bad_key");
  EXPECT_EQ(envelope::parse_secret_key(std::string(64, 'g')).error().code, "envelope.bad_key");
}

}  // namespace
}  // namespace civic
