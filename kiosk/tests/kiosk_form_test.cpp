#include "kiosk_form.hpp"

#include <gtest/gtest.h>

#include "fake_server.hpp"
#include "kiosk_app.hpp"
#include "sofia_profile.hpp"

namespace civic::kiosk {
namespace {

using testing::FakeServer;

using testing::kToday;

void fill(KioskForm& form, const profile::Json& answers) {
  for (const auto& [key, value] : answers.items()) form.set("/" + key, value);
}

TEST(KioskForm, IsDrivenByTheProfilesFormSession) {
  KioskForm form(testing::sofia_profile(), "address_change", kToday);
  ASSERT_TRUE(form.usable());
  EXPECT_EQ(form.definition().value("id", ""), "address_change");
  EXPECT_FALSE(form.report().valid);

  form.set("/id_type", "egn");
  EXPECT_TRUE(form.visible("/egn"));
  EXPECT_FALSE(form.visible("/lnch"));
  form.set("/id_type", "lnch");
  EXPECT_FALSE(form.visible("/egn"));
  EXPECT_TRUE(form.visible("/lnch"));

  form.set("/id_type", "egn");
  form.set("/egn", "8809268344");  // a wrong check digit
  ASSERT_NE(form.error("/egn"), nullptr);
  EXPECT_EQ(form.error("/egn")->code, "egn.checksum");

  fill(form, testing::fixture_answers("owner.json"));
  EXPECT_TRUE(form.report().valid);
  EXPECT_EQ(form.error("/egn"), nullptr);
  EXPECT_EQ(form.text("/name"), "Георги Иванов Петров");
  EXPECT_EQ(form.text("/new_address/street"), "Акад. Борис Стефанов");
}

TEST(KioskForm, AnAddressIsCheckedAgainstTheRegister) {
  KioskForm form(testing::sofia_profile(), "address_change", kToday);
  fill(form, testing::fixture_answers("owner.json"));
  form.set("/new_address/number", "9999");
  ASSERT_NE(form.error("/new_address"), nullptr);
  EXPECT_FALSE(form.report().valid);
}

TEST(KioskForm, StepsSkipTheHiddenOnes) {
  KioskForm form(testing::sofia_profile(), "address_change", kToday);
  fill(form, testing::fixture_answers("owner.json"));
  std::vector<std::string> visited;
  const auto& steps = form.definition()["steps"];
  visited.push_back(steps[form.step()].value("id", ""));
  while (!form.on_last_step()) {
    form.next_step();
    visited.push_back(steps[form.step()].value("id", ""));
  }
  EXPECT_EQ(visited, (std::vector<std::string>{"service", "declarant", "home", "documents_step",
                                               "contact"}));
  form.previous_step();
  EXPECT_EQ(steps[form.step()].value("id", ""), "documents_step");
}

TEST(KioskForm, TheChildStepAddsAndRemovesTheChildThroughTheFormSession) {
  KioskForm form(testing::sofia_profile(), "address_change", kToday);
  profile::Json answers = testing::fixture_answers("parent.json");
  const profile::Json child = answers["children"][0];
  answers.erase("children");
  fill(form, answers);
  const auto& steps = form.definition()["steps"];
  size_t child_step = 0;
  while (child_step < steps.size() && steps[child_step].value("id", "") != "child") ++child_step;
  EXPECT_TRUE(form.step_visible(child_step)) << "a parent has the child step";
  EXPECT_EQ(form.item_count("/children"), 0u);
  ASSERT_NE(form.error("/children"), nullptr);
  EXPECT_EQ(form.error("/children")->message.en, "Add the child's details");

  form.add_item("/children");
  ASSERT_EQ(form.item_count("/children"), 1u);
  EXPECT_TRUE(form.visible("/children/0/egn"));
  EXPECT_FALSE(form.visible("/children/0/guardianship_order"));
  for (const auto& [key, value] : child.items()) form.set("/children/0/" + key, value);
  EXPECT_EQ(form.text("/children/0/name"), "Елена Иванова Георгиева");
  EXPECT_TRUE(form.report().valid) << form.report().errors.front().path;

  form.set("/children/0/egn", "7501020018");  // an adult
  ASSERT_NE(form.error("/children/0/egn"), nullptr);
  EXPECT_EQ(form.error("/children/0/egn")->code, "form.rule");
  EXPECT_EQ(form.error("/children/0/egn")->params.value("rule", ""), "minor");
  form.set("/children/0/egn", child["egn"]);

  form.add_item("/children");
  EXPECT_EQ(form.item_count("/children"), 2u);
  ASSERT_NE(form.error("/children"), nullptr);
  EXPECT_EQ(form.error("/children")->message.en, "Make a separate application for each child");
  form.focus = "/children/1/name";
  form.remove_item("/children", 1);
  EXPECT_EQ(form.item_count("/children"), 1u);
  EXPECT_TRUE(form.focus.empty()) << "the keyboard leaves a removed item";
  EXPECT_TRUE(form.report().valid);

  form.remove_item("/children", 0);
  EXPECT_FALSE(form.answers().contains("children"));
  EXPECT_EQ(form.error("/children")->message.en, "Add the child's details");
}

TEST(KioskForm, AnInvalidFormIsNotSent) {
  FakeServer server;
  KioskForm form(testing::sofia_profile(), "address_change", kToday);
  form.set("/name", "Г");
  form.submit(server, "2026-11-25T10:00:00Z", {});
  EXPECT_TRUE(server.sent.empty());
  EXPECT_FALSE(form.message().bg.empty());
}

TEST(KioskForm, AReceiptThatDoesNotVerifyIsNotShownAsOne) {
  FakeServer server;
  server.on("POST /api/v1/submissions",
            HttpResponse{201, R"({"receipt":{"format":"civickit-receipt/2"}})", ""});
  KioskForm form(testing::sofia_profile(), "address_change", kToday);
  fill(form, testing::fixture_answers("owner.json"));
  form.submit(server, "2026-11-25T10:00:00Z", {1, 2, 3});
  ASSERT_EQ(server.sent.size(), 1u);
  const auto envelope = profile::Json::parse(server.sent[0].body);
  EXPECT_EQ(server.sent[0].idempotency_key, envelope.value("idempotency_id", ""));
  EXPECT_EQ(server.sent[0].signature_request, "at-desk") << "signed by hand at the desk";
  EXPECT_FALSE(envelope.dump().find("8809268343") != std::string::npos) << "the EGN travels sealed";
  EXPECT_FALSE(form.receipt().has_value());
  EXPECT_EQ(form.message().en, "The receipt could not be verified; please ask a member of staff");
}

TEST(KioskApp, TheIdleTimeoutWipesEverythingTheCitizenTyped) {
  FakeServer server;
  AppOptions options;
  options.mode = Mode::self_service;
  options.today = kToday;
  options.kiosk_idle_seconds = 120;
  KioskApp app(server, options);
  app.set_profile(testing::sofia_profile());
  ASSERT_EQ(app.screen(), Screen::kiosk_form);
  KioskForm& form = *app.kiosk_form();
  app.touch(1000);
  fill(form, testing::fixture_answers("owner.json"));
  form.next_step();
  form.focus = "/name";
  app.language = Language::en;
  app.keyboard = {KeyboardLayout::latin, true};

  app.tick(1119);
  EXPECT_EQ(form.text("/name"), "Георги Иванов Петров") << "not yet";
  app.touch(1119);
  app.tick(1238);
  EXPECT_EQ(form.text("/name"), "Георги Иванов Петров") << "a touch restarts the timeout";

  app.tick(1239);
  EXPECT_TRUE(form.answers().empty());
  EXPECT_EQ(form.step(), 0u);
  EXPECT_TRUE(form.focus.empty());
  EXPECT_EQ(app.language, Language::bg);
  EXPECT_EQ(app.keyboard.layout, KeyboardLayout::cyrillic);
  EXPECT_FALSE(app.keyboard.shift);
  EXPECT_EQ(app.screen(), Screen::kiosk_form);
}

TEST(KioskApp, TheOperatorIsSignedOutWhenIdle) {
  FakeServer server;
  server.on("POST /api/v1/operator/login",
            HttpResponse{
                200, R"({"token":"t0k","username":"ivan","role":"operator","districts":[]})", ""});
  server.on("GET /api/v1/operator/queue?limit=500",
            HttpResponse{200, R"({"items":[],"next":null})", ""});
  AppOptions options;
  options.operator_idle_seconds = 600;
  KioskApp app(server, options);
  app.set_profile(testing::sofia_profile());
  std::string password = "p";
  app.touch(0);
  app.sign_in("ivan", password);
  ASSERT_EQ(app.screen(), Screen::queue);
  app.tick(600);
  EXPECT_FALSE(app.login().signed_in());
  EXPECT_EQ(app.screen(), Screen::login);
}

}  // namespace
}  // namespace civic::kiosk
