#include "civic/receipt.hpp"

#include <gtest/gtest.h>

#include <map>

#include "civic/api.hpp"
#include "civic/reference.hpp"

namespace civic::receipt {
namespace {

Seed seed_of(std::uint8_t byte) {
  Seed seed{};
  seed.fill(byte);
  return seed;
}

// A reference or status code drawn from a fixed seed.
std::string code_of(reference::Kind kind, std::uint8_t byte) {
  std::array<std::uint8_t, SeededRng::kSeedBytes> seed{};
  seed.fill(byte);
  SeededRng rng(seed);
  return reference::make(kind, rng);
}

Facts facts() {
  return Facts{code_of(reference::Kind::submission, 1),
               std::string(64, 'a'),
               "address_change",
               "2026.1",
               "2026-11-25T10:15:00Z",
               code_of(reference::Kind::status, 2)};
}

// A receipt issued before references existed (format 1).
Facts facts_v1() {
  return Facts{"5f2b9c1d0e8a4b7c9d1e2f3a4b5c6d7e",
               std::string(64, 'a'),
               "address_change",
               "2026.1",
               "2026-11-25T10:15:00Z",
               "0123456789abcdef0123456789abcdef",
               std::string(kFormatV1)};
}

TEST(Receipt, SignsDeterministicallyWithMembersInOrder) {
  auto first = sign(facts(), seed_of(7));
  auto second = sign(facts(), seed_of(7));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(api::dump(*first), api::dump(*second));
  std::vector<std::string> keys;
  for (const auto& member : first->items()) keys.push_back(member.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "submission_id", "envelope_hash", "form",
                                            "received_at", "status_token", "signature"}));
  EXPECT_EQ((*first)["signature"].get<std::string>().size(), 128u);
}

TEST(Receipt, VerifiesWithTheSignersPublicKey) {
  auto receipt = sign(facts(), seed_of(7));
  ASSERT_TRUE(receipt.ok());
  EXPECT_TRUE(verify(*receipt, public_key_of(seed_of(7))).ok());
  auto other = verify(*receipt, public_key_of(seed_of(8)));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "receipt.bad_signature");
}

TEST(Receipt, AnyChangedFactBreaksTheSignature) {
  auto receipt = sign(facts(), seed_of(7));
  ASSERT_TRUE(receipt.ok());
  const std::map<std::string, std::string> changes = {
      {"submission_id", code_of(reference::Kind::submission, 3)},
      {"status_token", code_of(reference::Kind::status, 4)},
      {"received_at", "2026-11-25T10:15:01Z"}};
  for (const auto& [member, value] : changes) {
    Json changed = *receipt;
    changed[member] = value;
    auto result = verify(changed, public_key_of(seed_of(7)));
    ASSERT_FALSE(result.ok()) << member;
    EXPECT_EQ(result.error().code, "receipt.bad_signature") << member;
  }
  Json version = *receipt;
  version["form"]["version"] = "2026.2";
  EXPECT_EQ(verify(version, public_key_of(seed_of(7))).error().code, "receipt.bad_signature");
}

TEST(Receipt, RefusesMalformedReceiptsWithThePath) {
  auto receipt = sign(facts(), seed_of(7));
  ASSERT_TRUE(receipt.ok());
  const PublicKey key = public_key_of(seed_of(7));
  Json extra = *receipt;
  extra["note"] = "x";
  EXPECT_EQ(verify(extra, key).error().path, "/note");
  Json missing = *receipt;
  missing.erase("status_token");
  EXPECT_EQ(verify(missing, key).error().path, "/status_token");
  Json format = *receipt;
  format["format"] = "civickit-receipt/3";
  EXPECT_EQ(verify(format, key).error().code, "receipt.unsupported_format");
  Json lower = *receipt;
  std::string token = lower["status_token"];
  for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  lower["status_token"] = token;
  EXPECT_EQ(verify(lower, key).error().path, "/status_token");
  Json short_signature = *receipt;
  short_signature["signature"] = "abcd";
  EXPECT_EQ(verify(short_signature, key).error().code, "receipt.malformed");
  EXPECT_EQ(verify(Json::array(), key).error().code, "receipt.malformed");
}

TEST(Receipt, StillVerifiesFormatOneReceipts) {
  auto receipt = sign(facts_v1(), seed_of(7));
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ((*receipt)["format"], "civickit-receipt/1");
  EXPECT_TRUE(verify(*receipt, public_key_of(seed_of(7))).ok());
  Json hex_in_v2 = *receipt;
  hex_in_v2["format"] = std::string(kFormat);
  EXPECT_EQ(verify(hex_in_v2, public_key_of(seed_of(7))).error().code, "receipt.malformed");
}

TEST(Receipt, RefusesToSignMalformedFacts) {
  Facts bad = facts();
  bad.status_token = "short";
  auto result = sign(bad, seed_of(7));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().path, "/status_token");
  bad = facts();
  bad.received_at = "2026-11-25 10:15:00";
  EXPECT_EQ(sign(bad, seed_of(7)).error().path, "/received_at");
}

Facts signed_facts() {
  Facts signed_declaration = facts();
  signed_declaration.signed_with =
      SignedWith{"Георги Петров", "4f2a", "civickit development CA", std::string(64, 'b')};
  return signed_declaration;
}

TEST(Receipt, NamesTheSigningCertificateInTheSignedBytes) {
  auto receipt = sign(signed_facts(), seed_of(7));
  ASSERT_TRUE(receipt.ok());
  std::vector<std::string> keys;
  for (const auto& member : receipt->items()) keys.push_back(member.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"format", "submission_id", "envelope_hash", "form",
                                      "received_at", "status_token", "signed_with", "signature"}));
  EXPECT_EQ((*receipt)["signed_with"]["subject"], "Георги Петров");
  EXPECT_TRUE(verify(*receipt, public_key_of(seed_of(7))).ok());

  Json changed = *receipt;
  changed["signed_with"]["serial"] = "4f2b";
  EXPECT_EQ(verify(changed, public_key_of(seed_of(7))).error().code, "receipt.bad_signature");
  Json dropped = *receipt;
  dropped.erase("signed_with");
  EXPECT_EQ(verify(dropped, public_key_of(seed_of(7))).error().code, "receipt.bad_signature");
}

TEST(Receipt, RefusesAMalformedSigningCertificate) {
  auto receipt = sign(signed_facts(), seed_of(7));
  ASSERT_TRUE(receipt.ok());
  for (const auto& [member, value] : std::map<std::string, Json>{
           {"fingerprint", "BB"}, {"subject", ""}, {"issuer", 7}, {"extra", "x"}}) {
    Json bad = *receipt;
    bad["signed_with"][member] = value;
    const auto result = verify(bad, public_key_of(seed_of(7)));
    ASSERT_FALSE(result.ok()) << member;
    EXPECT_EQ(result.error().code, "receipt.malformed") << member;
    EXPECT_EQ(result.error().path, "/signed_with") << member;
  }
  Facts v1 = facts_v1();
  v1.signed_with = signed_facts().signed_with;
  EXPECT_EQ(sign(v1, seed_of(7)).error().path, "/signed_with");
}

TEST(Receipt, ParsesKeys) {
  EXPECT_EQ(parse_public_key("abc").error().code, "receipt.bad_key");
  EXPECT_EQ(parse_seed("zz" + std::string(62, '0')).error().code, "receipt.bad_key");
  auto parsed = parse_public_key(std::string(64, 'A'));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)[0], 0xAA);
}

}  // namespace
}  // namespace civic::receipt
