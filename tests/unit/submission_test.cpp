#include "civic/submission.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "profile_fixture.hpp"

namespace civic {
namespace {

using submission::Json;

using test::kToday;

using test::bytes_of;

struct Fixture {
  std::shared_ptr<const profile::Profile> profile = profile::load(testing::small_bundle()).profile;
  envelope::KeyPair keys = [] {
    SeededRng rng(bytes_of(1));
    return envelope::generate_key_pair(rng);
  }();

  Result<Json> seal(const Json& answers, std::string_view form = "address_change") const {
    SeededRng rng(bytes_of(2));
    return submission::seal(*profile, form, answers, {kToday, "2026-11-25T10:00:00Z"},
                            keys.public_key, rng);
  }
  Result<submission::Opened> open(const Json& envelope, Date today = kToday) const {
    return submission::open(*profile, envelope, keys.secret_key, today);
  }
};

const Json kAnswers = {{"egn", " 7501020018 "},
                       {"kind", "permanent"},
                       {"new_address",
                        {{"district", "68134-16"},
                         {"street", "Акад. Борис Стефанов"},
                         {"number", "3"},
                         {"postal_code", "1700"}}}};

TEST(Submission, SealsTheValidatedAnswersAndOpensThemBack) {
  const Fixture f;
  ASSERT_TRUE(f.profile);
  auto envelope = f.seal(kAnswers);
  ASSERT_TRUE(envelope.ok()) << envelope.error().code;
  EXPECT_EQ((*envelope)["form"], (Json{{"id", "address_change"}, {"version", 2}}));
  EXPECT_EQ((*envelope)["answers"], (Json{{"kind", "permanent"}}));  // personal ones sealed
  const std::string text = envelope->dump();
  EXPECT_EQ(text.find("7501020018"), std::string::npos);
  EXPECT_EQ(text.find("Стефанов"), std::string::npos);

  const forms::Report report =
      forms::validate(*f.profile->form("address_change"), kAnswers, f.profile->context(kToday));
  EXPECT_EQ((*envelope)["report_hash"],
            *envelope::canonical_hash(forms::to_json(*f.profile->form("address_change"), report)));

  auto opened = f.open(*envelope);
  ASSERT_TRUE(opened.ok()) << opened.error().code;
  EXPECT_TRUE(opened->report.valid);
  EXPECT_EQ(opened->district, "68134-16");
  EXPECT_EQ(opened->answers["egn"], "7501020018");  // canonical
  // The same answers (the sealed part comes back in JCS member order).
  EXPECT_EQ(*envelope::canonical_hash(opened->report.answers),
            *envelope::canonical_hash(report.answers));
  EXPECT_EQ(opened->envelope, *envelope);
  EXPECT_EQ(opened->form, f.profile->form("address_change"));
}

TEST(Submission, SameSeedSameEnvelope) {
  const Fixture f;
  EXPECT_EQ(f.seal(kAnswers)->dump(), f.seal(kAnswers)->dump());
}

TEST(Submission, RefusesInvalidAnswersWithTheReport) {
  const Fixture f;
  Json wrong = kAnswers;
  wrong["new_address"]["number"] = "99";
  auto refused = f.seal(wrong);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "submission.invalid");
  const Json& report = refused.error().params["report"];
  EXPECT_EQ(report["valid"], false);
  EXPECT_EQ(report["errors"][0]["code"], "address.number_unknown");
  EXPECT_EQ(report["errors"][0]["path"], "/new_address/number");
}

TEST(Submission, UnknownForm) {
  const Fixture f;
  auto refused = f.seal(kAnswers, "dog_licence");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "submission.unknown_form");

  Json envelope = *f.seal(kAnswers);
  Json other = testing::small_bundle();
  other["forms"][0]["id"] = "renamed";
  auto renamed = profile::load(other).profile;
  auto opened = submission::open(*renamed, envelope, f.keys.secret_key, kToday);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "submission.unknown_form");
}

TEST(Submission, VersionMismatch) {
  const Fixture f;
  Json envelope = *f.seal(kAnswers);
  Json newer = testing::small_bundle();
  newer["forms"][0]["version"] = 3;
  auto profile = profile::load(newer).profile;
  auto opened = submission::open(*profile, envelope, f.keys.secret_key, kToday);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "submission.version_mismatch");
  EXPECT_EQ(opened.error().params, (Json{{"expected", 3}, {"got", 2}}));
}

TEST(Submission, TamperingIsDetected) {
  const Fixture f;
  Json envelope = *f.seal(kAnswers);
  envelope["answers"]["kind"] = "current";
  auto opened = f.open(envelope);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "envelope.hash_mismatch");

  SeededRng rng(bytes_of(9));
  const envelope::KeyPair other = envelope::generate_key_pair(rng);
  auto wrong_key = submission::open(*f.profile, *f.seal(kAnswers), other.secret_key, kToday);
  ASSERT_FALSE(wrong_key.ok());
  EXPECT_EQ(wrong_key.error().code, "envelope.wrong_key");
}

TEST(Submission, InvalidOnTheOpeningSideIsStillOpened) {
  const Fixture f;
  Json envelope = *f.seal(kAnswers);
  // The server's register no longer lists number 3.
  Json changed = testing::small_bundle();
  changed["register"][0]["streets"][0]["numbers"] = Json::array({"1"});
  auto server = profile::load(changed).profile;
  auto opened = submission::open(*server, envelope, f.keys.secret_key, kToday);
  ASSERT_TRUE(opened.ok()) << opened.error().code;
  EXPECT_FALSE(opened->report.valid);
  EXPECT_EQ(opened->report.errors.at(0).code, "address.number_unknown");
  EXPECT_EQ(opened->district, "");
}

}  // namespace
}  // namespace civic
