// The model against a real civic-server (started and seeded by server_flow.test.mjs, which
// passes its address and an administrator's credentials): a citizen fills the declaration at
// the kiosk and sends it; an operator signs in (after one wrong password), finds it in the
// queue, opens it with the report re-run here, asks for a correction and approves it; the
// audit trail and the chain follow. Writes the receipt to $CIVIC_KIOSK_TEST_RECEIPT for the
// node side to ask the citizen's status.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "clock.hpp"
#include "kiosk_app.hpp"
#include "sofia_profile.hpp"

namespace civic::kiosk {
namespace {

using testing::kToday;

std::string env(const char* name) {
  const char* value = std::getenv(name);
  if (!value)
    throw std::runtime_error(std::string(name) +
                             " is not set: run this through server_flow.test.mjs");
  return value;
}

TEST(ServerFlow, FromTheKioskToTheOperatorsDecision) {
  const std::string url = env("CIVIC_KIOSK_TEST_SERVER");
  auto server = make_server_client(url);

  // The citizen at the kiosk.
  AppOptions kiosk_options;
  kiosk_options.mode = Mode::self_service;
  kiosk_options.today = kToday;
  KioskApp kiosk(*server, kiosk_options);
  kiosk.start();
  ASSERT_EQ(kiosk.screen(), Screen::kiosk_form) << kiosk.message().en;
  KioskForm& form = *kiosk.kiosk_form();
  const profile::Json answers = testing::fixture_answers("owner.json");
  for (const auto& [key, value] : answers.items()) form.set("/" + key, value);
  ASSERT_TRUE(form.report().valid);
  form.submit(*server, utc_now(), random_seed());
  ASSERT_TRUE(form.receipt().has_value()) << form.message().en;
  const profile::Json receipt = *form.receipt();
  const std::string id = receipt.value("submission_id", "");
  std::ofstream(env("CIVIC_KIOSK_TEST_RECEIPT")) << receipt.dump();
  kiosk.wipe_kiosk();
  EXPECT_TRUE(form.answers().empty());

  // The operator.
  AppOptions console_options;
  console_options.today = kToday;
  KioskApp console(*server, console_options);
  console.start();
  ASSERT_EQ(console.screen(), Screen::login) << console.message().en;
  std::string password = "not-the-password";
  console.sign_in(env("CIVIC_KIOSK_TEST_USER"), password);
  EXPECT_EQ(console.screen(), Screen::login);
  EXPECT_EQ(console.login().failures_in_a_row(), 1);
  EXPECT_FALSE(console.login().message().bg.empty());
  password = env("CIVIC_KIOSK_TEST_PASSWORD");
  console.sign_in(env("CIVIC_KIOSK_TEST_USER"), password);
  ASSERT_EQ(console.screen(), Screen::queue) << console.login().message().en;
  ASSERT_FALSE(console.queue().loading());
  ASSERT_TRUE(console.queue().message().en.empty()) << console.queue().message().en;

  bool found = false;
  for (const QueueRow& row : console.queue().rows()) found = found || row.submission_id == id;
  ASSERT_TRUE(found) << id << " is not in the queue";

  console.open_submission(id);
  SubmissionReview& review = console.review();
  ASSERT_TRUE(review.is_open()) << review.message().en;
  EXPECT_EQ(review.answers().value("egn", ""), "8809268343") << "the server opened the sealed part";
  ASSERT_NE(review.local_report(), nullptr);
  EXPECT_TRUE(review.local_report()->valid);
  EXPECT_TRUE(review.reports_agree());
  EXPECT_EQ(review.chain().kind, ChainState::Kind::valid);

  console.decide(Decision::reject, "");  // a rejection needs a reason: nothing is sent
  EXPECT_EQ(review.status(), "received");
  console.decide(Decision::needs_correction, "Липсва нотариален акт");
  EXPECT_EQ(review.status(), "needs_correction") << review.message().en;
  console.decide(Decision::approve, "");
  EXPECT_EQ(review.status(), "approved") << review.message().en;
  console.decide(Decision::reject, "късно");  // approved is final
  EXPECT_EQ(review.status(), "approved");
  EXPECT_FALSE(review.message().bg.empty());

  std::vector<std::string> actions;
  for (const AuditEntry& entry : review.audit()) actions.push_back(entry.action);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "decide"), 2)
      << ::testing::PrintToString(actions);
  EXPECT_EQ(review.chain().kind, ChainState::Kind::valid);

  bool approved_in_queue = false;
  for (const QueueRow& row : console.queue().rows()) {
    approved_in_queue = approved_in_queue || (row.submission_id == id && row.status == "approved");
  }
  EXPECT_TRUE(approved_in_queue);
  console.sign_out();
  EXPECT_FALSE(review.is_open());
}

}  // namespace
}  // namespace civic::kiosk
