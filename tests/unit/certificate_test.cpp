#include "civic/certificate.hpp"

#include <gtest/gtest.h>

#include "civic/api.hpp"
#include "civic/reference.hpp"

namespace civic::certificate {
namespace {

receipt::Seed seed_of(std::uint8_t byte) {
  receipt::Seed seed{};
  seed.fill(byte);
  return seed;
}

std::string reference_of(std::uint8_t byte) {
  std::array<std::uint8_t, SeededRng::kSeedBytes> seed{};
  seed.fill(byte);
  SeededRng rng(seed);
  return reference::make(reference::Kind::submission, rng);
}

std::shared_ptr<const forms::Form> form_with_certificate() {
  auto loaded = forms::load(Json::parse(R"json({
    "id": "address_change", "version": 2, "title": {"bg": "Адрес", "en": "Address"},
    "steps": [{"id": "main", "title": {"bg": "Данни", "en": "Details"}, "fields": [
      {"id": "egn", "type": "egn", "label": {"bg": "ЕГН", "en": "EGN"}, "personal": true},
      {"id": "name", "type": "text", "label": {"bg": "Вашето име", "en": "Your name"},
       "name": {"bg": "Името", "en": "The name"}},
      {"id": "phone", "type": "phone", "label": {"bg": "Телефон", "en": "Phone"}},
      {"id": "kind", "type": "choice", "label": {"bg": "Вид", "en": "Kind"},
       "options": [{"value": "current", "label": {"bg": "Настоящ", "en": "Current"}}]}]}],
    "certificate": {"title": {"bg": "Удостоверение", "en": "Certificate"},
                    "fields": [{"field": "kind", "label": {"bg": "Вид", "en": "Kind"}},
                               {"field": "name"}, "egn"]}})json"));
  EXPECT_TRUE(loaded.errors.empty()) << (loaded.errors.empty() ? "" : loaded.errors[0].code);
  return loaded.form;
}

Facts approved_facts() {
  auto stated = facts_for(
      *form_with_certificate(),
      Json{{"egn", "7501020018"}, {"name", "Иван Петров"}, {"phone", "0888"}, {"kind", nullptr}});
  EXPECT_TRUE(stated.ok());
  Facts facts = *stated;
  facts.submission_id = reference_of(1);
  facts.envelope_hash = std::string(64, 'b');
  facts.issuer = {"Столична община", "Sofia Municipality"};
  facts.district = "68134-16";
  facts.issued_at = "2026-12-02T09:30:00Z";
  return facts;
}

TEST(Certificate, StatesTheFormsFieldsInItsOrderAndLeavesOutTheUnanswered) {
  const Facts facts = approved_facts();
  EXPECT_EQ(facts.form_id, "address_change");
  EXPECT_EQ(facts.form_version, 2);
  EXPECT_EQ(facts.title.en, "Certificate");
  ASSERT_EQ(facts.statements.size(), 2u);  // kind is null, phone is not stated
  EXPECT_EQ(facts.statements[0]["field"], "name");
  EXPECT_EQ(facts.statements[0]["name"]["en"], "The name");  // the field's name by default
  EXPECT_EQ(facts.statements[0]["value"], "Иван Петров");
  EXPECT_EQ(facts.statements[1]["field"], "egn");
  EXPECT_EQ(facts.statements[1]["name"]["bg"], "ЕГН");
}

TEST(Certificate, IssuesDeterministicallyWithMembersInOrderAndVerifies) {
  auto first = issue(approved_facts(), seed_of(9));
  auto second = issue(approved_facts(), seed_of(9));
  ASSERT_TRUE(first.ok()) << first.error().code;
  EXPECT_EQ(api::dump(*first), api::dump(*second));
  std::vector<std::string> keys;
  for (const auto& member : first->items()) keys.push_back(member.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "submission_id", "envelope_hash", "form",
                                            "title", "issuer", "district", "issued_at",
                                            "statements", "signature"}));
  EXPECT_TRUE(verify(*first, receipt::public_key_of(seed_of(9))).ok());
}

TEST(Certificate, AnyChangeOrAnotherKeyFailsTheSignature) {
  const Json issued = *issue(approved_facts(), seed_of(9));
  const auto key = receipt::public_key_of(seed_of(9));
  EXPECT_EQ(verify(issued, receipt::public_key_of(seed_of(8))).error().code,
            "certificate.bad_signature");
  Json changed = issued;
  changed["statements"][0]["value"] = "Петър Иванов";
  EXPECT_EQ(verify(changed, key).error().code, "certificate.bad_signature");
  changed = issued;
  changed["district"] = "68134-01";
  EXPECT_EQ(verify(changed, key).error().code, "certificate.bad_signature");
}

TEST(Certificate, AReceiptIsNotACertificate) {
  const auto seed = seed_of(9);
  std::array<std::uint8_t, SeededRng::kSeedBytes> rng_seed{};
  SeededRng rng(rng_seed);
  auto receipt =
      receipt::sign({reference_of(1), std::string(64, 'b'), "address_change", 2,
                     "2026-12-02T09:30:00Z", reference::make(reference::Kind::status, rng)},
                    seed);
  ASSERT_TRUE(receipt.ok());
  const auto refused = verify(*receipt, receipt::public_key_of(seed));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "certificate.malformed");
}

TEST(Certificate, RefusesADamagedShapeWithThePathOfTheDamage) {
  const Json issued = *issue(approved_facts(), seed_of(9));
  const auto key = receipt::public_key_of(seed_of(9));
  const auto refusal = [&](Json certificate) {
    auto result = verify(certificate, key);
    return result.ok() ? std::string("ok") : result.error().code + " " + result.error().path;
  };
  Json changed = issued;
  changed["format"] = "civickit-certificate/9";
  EXPECT_EQ(refusal(changed), "certificate.unsupported_format /format");
  changed = issued;
  changed["extra"] = 1;
  EXPECT_EQ(refusal(changed), "certificate.malformed /extra");
  changed = issued;
  changed.erase("issuer");
  EXPECT_EQ(refusal(changed), "certificate.malformed /issuer");
  changed = issued;
  changed["statements"][1].erase("name");
  EXPECT_EQ(refusal(changed), "certificate.malformed /statements/1");
  changed = issued;
  changed["issued_at"] = "2026-12-02";
  EXPECT_EQ(refusal(changed), "certificate.malformed /issued_at");
  changed = issued;
  changed["signature"] = "00";
  EXPECT_EQ(refusal(changed), "certificate.malformed /signature");
  EXPECT_EQ(refusal(Json::array()), "certificate.malformed ");
}

TEST(Certificate, AFormWithoutACertificateIssuesNone) {
  auto loaded = forms::load(Json::parse(R"json({
    "id": "pb_proposal", "version": 1, "title": {"bg": "Предложение", "en": "Proposal"},
    "steps": [{"id": "main", "title": {"bg": "Данни", "en": "Details"}, "fields": [
      {"id": "title", "type": "text", "label": {"bg": "Заглавие", "en": "Title"}}]}]})json"));
  ASSERT_TRUE(loaded.errors.empty());
  EXPECT_EQ(facts_for(*loaded.form, Json::object()).error().code, "certificate.no_certificate");
}

TEST(Certificate, TheDefinitionNamesOnlyTopLevelFieldsOnce) {
  auto loaded = forms::load(Json::parse(R"json({
    "id": "f", "version": 1, "title": {"bg": "Ф", "en": "F"},
    "steps": [{"id": "main", "title": {"bg": "Данни", "en": "Details"}, "fields": [
      {"id": "kids", "type": "repeat", "label": {"bg": "Деца", "en": "Children"},
       "fields": [{"id": "egn", "type": "egn", "label": {"bg": "ЕГН", "en": "EGN"}}]}]}],
    "certificate": {"title": {"bg": "У", "en": "C"},
                    "fields": ["kids", "egn", {"field": "kids"}, {"label": {"bg": "Е", "en": "E"}}],
                    "stamp": true}})json"));
  std::vector<std::string> found;
  for (const auto& error : loaded.errors) found.push_back(error.code + " " + error.path);
  EXPECT_EQ(found,
            (std::vector<std::string>{"definition.unknown_member /certificate/stamp",
                                      "definition.unknown_member /certificate/fields/1",
                                      "definition.duplicate_id /certificate/fields/2/field",
                                      "definition.missing_member /certificate/fields/3/field"}));
}

}  // namespace
}  // namespace civic::certificate
