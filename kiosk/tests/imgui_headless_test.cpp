// Every screen of the kiosk rendered with Dear ImGui and no backend (no window, no GPU):
// the font atlas is built in memory, frames are rendered to draw lists, and any ImGui
// assertion (IM_ASSERT, see imgui_test_config.h) fails the test.
#include <gtest/gtest.h>
#include <imgui.h>

#include <stdexcept>
#include <string>

#include "civic/receipt.hpp"
#include "civic/reference.hpp"
#include "civic/rng.hpp"
#include "fake_server.hpp"
#include "fonts.hpp"
#include "screens.hpp"
#include "sofia_profile.hpp"
#include "text.hpp"

void civic_kiosk_imgui_assertion_failed(const char* expression, const char* file, int line) {
  throw std::logic_error(std::string("ImGui assertion ") + expression + " at " + file + ":" +
                         std::to_string(line));
}

namespace civic::kiosk {
namespace {

using testing::FakeServer;

using testing::kToday;

class Headless : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    ASSERT_TRUE(ui::load_fonts(CIVIC_KIOSK_FONT, 18)) << CIVIC_KIOSK_FONT;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ASSERT_NE(pixels, nullptr);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // Renders `count` frames of the app; `before` runs ahead of each (to press keys).
  void frames(KioskApp& app, int count, const std::function<void(ImGuiIO&)>& before = {}) {
    for (int i = 0; i < count; ++i) {
      ImGuiIO& io = ImGui::GetIO();
      if (before) before(io);
      ImGui::NewFrame();
      ui::draw_app(app, state,
                   [this](KioskForm& form) { form.submit(server, "2026-11-25T10:00:00Z", {4}); });
      ImGui::Render();
      ASSERT_NE(ImGui::GetDrawData(), nullptr);
      ASSERT_GT(ImGui::GetDrawData()->TotalVtxCount, 0);
    }
  }

  // One frame with `key` held (and Alt when asked), then one with it released.
  void press(KioskApp& app, int key, bool alt = false) {
    frames(app, 1, [&](ImGuiIO& io) {
      io.KeysDown[key] = true;
      io.KeyAlt = alt;
    });
    frames(app, 1, [&](ImGuiIO& io) {
      io.KeysDown[key] = false;
      io.KeyAlt = false;
    });
  }

  FakeServer server;
  ui::UiState state;
};

TEST_F(Headless, TheFontHasEveryGlyphTheScreensUse) {
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const std::u32string needed =
      U"АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюяѝ№–„“←→⇧⌫☐☑";
  for (const char32_t c : needed) {
    EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
        << static_cast<unsigned>(c);
  }
}

TEST_F(Headless, LoginWithARefusalAndALock) {
  server.on(
      "POST /api/v1/operator/login",
      testing::problem(401, "operator.bad_credentials", "Грешен потребител или парола", "Wrong"));
  KioskApp app(server, {});
  app.set_profile(testing::sofia_profile());
  frames(app, 2);
  for (int i = 0; i < 5; ++i) {
    std::string password = "wrong";
    app.sign_in("ivan", password);
  }
  ASSERT_TRUE(app.login().probably_locked());
  frames(app, 2);
  EXPECT_EQ(app.screen(), Screen::login);
}

HttpResponse ok(const std::string& body) { return {200, body, ""}; }

// An operator signed in, with a queue of `rows` rows and one submission to open.
void serve_operator(FakeServer& server, int rows) {
  server.on("POST /api/v1/operator/login",
            ok(R"({"token":"t0k","username":"admin","role":"admin","districts":[]})"));
  std::string items;
  for (int i = 0; i < rows; ++i) {
    char item[256];
    std::snprintf(
        item, sizeof item,
        R"(%s{"submission_id":"S%05d","form":{"id":"address_change","version":1},)"
        R"("district":"68134-16","status":"received","received_at":"2026-11-%02dT09:00:00Z"})",
        i ? "," : "", i, 1 + i % 24);
    items += item;
  }
  server.on("GET /api/v1/operator/queue?limit=500",
            ok(R"({"items":[)" + items + R"(],"next":null})"));
  profile::Json submission = {{"submission_id", "S00000"},
                              {"form", {{"id", "address_change"}, {"version", 1}}},
                              {"status", "received"},
                              {"answers", testing::fixture_answers("owner.json")},
                              {"report", {{"valid", true}}}};
  server.on("GET /api/v1/operator/submissions/S00000", ok(submission.dump()));
  server.on("POST /api/v1/operator/submissions/S00000/decision",
            ok(R"({"submission_id":"S00000","status":"approved"})"));
  server.on(
      "GET /api/v1/operator/audit?after=0&limit=1000",
      ok(R"({"entries":[{"seq":3,"at":"2026-11-25T10:00:00Z","actor":"admin","action":"open","subject":"S00000"}]})"));
  server.on("GET /api/v1/operator/audit/verify", ok(R"({"valid":true,"count":3,"head":"ab"})"));
}

TEST_F(Headless, QueueOfTenThousandRowsWithKeyboardNavigation) {
  serve_operator(server, 10000);
  KioskApp app(server, {});
  app.set_profile(testing::sofia_profile());
  std::string password = "p";
  app.sign_in("admin", password);
  ASSERT_EQ(app.queue().total(), 10000u);
  frames(app, 3);
  press(app, ui::kKeyDown);
  press(app, ui::kKeyDown);
  EXPECT_EQ(state.selected, 1);
  state.status_filter = 1;
  state.filter_text = "S0001";
  app.queue().set_filter({"received", "S0001"});
  frames(app, 2);
  EXPECT_EQ(app.queue().view().size(), 10u);
  press(app, ui::kKeyEnter);
  EXPECT_EQ(app.screen(), Screen::submission);
}

TEST_F(Headless, SubmissionDecidedWithTheShortcut) {
  serve_operator(server, 3);
  KioskApp app(server, {Mode::operator_console, kToday});
  app.set_profile(testing::sofia_profile());
  std::string password = "p";
  app.sign_in("admin", password);
  app.open_submission("S00000");
  ASSERT_TRUE(app.review().is_open());
  ASSERT_NE(app.review().local_report(), nullptr);
  EXPECT_TRUE(app.review().local_report()->valid);
  frames(app, 3);
  press(app, 'A', true);
  EXPECT_EQ(server.sent.back().path, "/api/v1/operator/audit/verify");
  EXPECT_EQ(app.review().status(), "approved");
  EXPECT_EQ(app.queue().rows()[0].status, "approved");
  press(app, ui::kKeyEscape);
  EXPECT_EQ(app.screen(), Screen::queue);
}

TEST_F(Headless, RegisterPreparationWithItsReport) {
  serve_operator(server, 1);
  KioskApp app(server, {});
  app.set_profile(testing::sofia_profile());
  std::string password = "p";
  app.sign_in("admin", password);
  app.register_preparation().load(
      "68134-16",
      "settlement,street_type,street,number,complex,block,entrances,postal_code\n"
      "68134,ул.,Нова,1,,,,1700\n68134,ул.,Нова,1,,,,1700\n68134,ул.,Нова,,,,,1700\n");
  app.show_register_preparation();
  frames(app, 3);
  EXPECT_EQ(app.register_preparation().readiness().refused, 1u);
}

TEST_F(Headless, EveryStepOfTheKioskFormWithTheKeyboardAndTheReceipt) {
  ImGui::GetStyle().ScaleAllSizes(1.6f);
  KioskApp app(server, {Mode::self_service, kToday});
  app.set_profile(testing::sofia_profile());
  KioskForm& form = *app.kiosk_form();
  const profile::Json answers = testing::fixture_answers("owner.json");
  for (const auto& [key, value] : answers.items()) form.set("/" + key, value);
  for (const Language language : {Language::bg, Language::en}) {
    app.language = language;
    form.focus = "/name";
    frames(app, 2);
    while (!form.on_last_step()) {
      form.next_step();
      frames(app, 2);
    }
    while (form.step() > 0) form.previous_step();
  }
  SeededRng rng(std::array<std::uint8_t, 32>{5});
  server.on("POST /api/v1/submissions", [&](const HttpRequest& request) {
    const auto envelope = profile::Json::parse(request.body);
    receipt::Facts facts{reference::make(reference::Kind::submission, rng),
                         envelope.value("content_hash", ""),
                         "address_change",
                         1,
                         "2026-11-25T10:00:00Z",
                         reference::make(reference::Kind::status, rng)};
    return ok(profile::Json{{"receipt", *receipt::sign(facts, testing::kReceiptSeed)}}.dump());
  });
  form.submit(server, "2026-11-25T10:00:00Z", {6});
  ASSERT_TRUE(form.receipt().has_value()) << form.message().en;
  frames(app, 3);
  app.wipe_kiosk();
  EXPECT_FALSE(form.receipt().has_value());
  frames(app, 2);
}

TEST_F(Headless, TheSignInStartsWithTheKeyboardInTheUserField) {
  KioskApp app(server, {});
  app.set_profile(testing::sofia_profile());
  ASSERT_EQ(app.screen(), Screen::login);
  frames(app, 3);  // the focus is asked for, taken, then reported to the platform
  EXPECT_TRUE(ImGui::GetIO().WantTextInput);
  frames(app, 1, [](ImGuiIO& io) { io.AddInputCharacter('a'); });
  frames(app, 1);
  EXPECT_EQ(state.username, "a");
}

TEST_F(Headless, TheChildStepWithItsItems) {
  ImGui::GetStyle().ScaleAllSizes(1.6f);
  KioskApp app(server, {Mode::self_service, kToday});
  app.set_profile(testing::sofia_profile());
  KioskForm& form = *app.kiosk_form();
  profile::Json answers = testing::fixture_answers("parent.json");
  answers.erase("children");
  for (const auto& [key, value] : answers.items()) form.set("/" + key, value);
  form.next_step();
  form.next_step();
  ASSERT_EQ(form.definition()["steps"][form.step()].value("id", ""), "child");
  frames(app, 2);
  form.add_item("/children");
  form.set("/children/0/relation", "guardian");
  form.focus = "/children/0/name";
  frames(app, 2);
  form.add_item("/children");  // one too many: the step says so
  frames(app, 2);
  EXPECT_EQ(form.item_count("/children"), 2u);
}

TEST_F(Headless, AnImGuiAssertionFailsTheTest) {
  KioskApp app(server, {});
  ImGui::NewFrame();
  EXPECT_THROW(ImGui::End(), std::logic_error);  // End() without Begin()
}

}  // namespace
}  // namespace civic::kiosk
