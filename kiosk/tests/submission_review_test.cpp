#include "submission_review.hpp"

#include <gtest/gtest.h>

#include "fake_server.hpp"
#include "sofia_profile.hpp"

namespace civic::kiosk {
namespace {

using testing::FakeServer;

using testing::kToday;

HttpResponse ok(const std::string& body) { return {200, body, ""}; }

void serve_submission(FakeServer& server, const profile::Json& answers, bool server_valid) {
  const profile::Json body = {{"submission_id", "S1"},
                              {"form", {{"id", "address_change"}, {"version", 1}}},
                              {"status", "received"},
                              {"answers", answers},
                              {"report", {{"valid", server_valid}}}};
  server.on("GET /api/v1/operator/submissions/S1", ok(body.dump()));
}

TEST(SubmissionReview, ReRunsTheCoresReportAgainstTheCurrentProfile) {
  FakeServer server;
  serve_submission(server, testing::fixture_answers("owner.json"), true);
  SubmissionReview review(server);
  review.open("t0k", "S1", testing::sofia_profile(), kToday);
  ASSERT_TRUE(review.is_open());
  ASSERT_NE(review.local_report(), nullptr);
  EXPECT_TRUE(review.local_report()->valid);
  EXPECT_TRUE(review.reports_agree());

  profile::Json changed = testing::fixture_answers("owner.json");
  changed["new_address"]["number"] = "9999";  // no longer in the register
  serve_submission(server, changed, true);
  review.open("t0k", "S1", testing::sofia_profile(), kToday);
  EXPECT_FALSE(review.local_report()->valid);
  EXPECT_FALSE(review.reports_agree());
}

TEST(SubmissionReview, ARefusalShowsWhyAndNoAnswers) {
  FakeServer server;
  server.on("GET /api/v1/operator/submissions/S1",
            testing::problem(403, "operator.forbidden", "Друг район", "Another district"));
  SubmissionReview review(server);
  review.open("t0k", "S1", testing::sofia_profile(), kToday);
  EXPECT_FALSE(review.is_open());
  EXPECT_TRUE(review.answers().is_null());
  EXPECT_EQ(review.message().en, "Another district");
}

TEST(SubmissionReview, ARejectionNeedsAReasonAndTheDecisionIsSent) {
  FakeServer server;
  serve_submission(server, testing::fixture_answers("owner.json"), true);
  server.on("POST /api/v1/operator/submissions/S1/decision",
            ok(R"({"submission_id":"S1","status":"rejected"})"));
  SubmissionReview review(server);
  review.open("t0k", "S1", testing::sofia_profile(), kToday);
  std::string decided;
  review.decide("t0k", Decision::reject, "", [&](const std::string& status) { decided = status; });
  EXPECT_EQ(server.sent.size(), 1u);
  EXPECT_EQ(review.message().en, "Write a reason");
  review.decide("t0k", Decision::reject, "Няма право",
                [&](const std::string& status) { decided = status; });
  EXPECT_EQ(decided, "rejected");
  EXPECT_EQ(review.status(), "rejected");
  EXPECT_EQ(server.sent.back().body, R"({"status":"rejected","reason":{"bg":"Няма право"}})");
}

TEST(SubmissionReview, TheAuditTrailIsReadPageByPage) {
  FakeServer server;
  serve_submission(server, testing::fixture_answers("owner.json"), true);
  profile::Json first = {{"entries", profile::Json::array()}};
  for (int seq = 1; seq <= 1000; ++seq) {
    first["entries"].push_back(
        {{"seq", seq}, {"actor", "a"}, {"action", "open"}, {"subject", seq == 7 ? "S1" : "S2"}});
  }
  server.on("GET /api/v1/operator/audit?after=0&limit=1000", ok(first.dump()));
  server.on("GET /api/v1/operator/audit?after=1000&limit=1000",
            ok(R"({"entries":[{"seq":1001,"actor":"b","action":"decide","subject":"S1"}]})"));
  server.on("GET /api/v1/operator/audit/verify",
            ok(R"({"valid":false,"count":1001,"broken_at":12})"));
  SubmissionReview review(server);
  review.open("t0k", "S1", testing::sofia_profile(), kToday);
  review.load_audit("t0k");
  ASSERT_EQ(review.audit().size(), 2u);
  EXPECT_EQ(review.audit()[0].seq, 7);
  EXPECT_EQ(review.audit()[1].action, "decide");
  EXPECT_EQ(review.chain().kind, ChainState::Kind::broken);
  EXPECT_EQ(review.chain().broken_at, 12);
}

TEST(SubmissionReview, AnOperatorIsToldTheAuditIsForAdministrators) {
  FakeServer server;
  serve_submission(server, testing::fixture_answers("owner.json"), true);
  server.on("GET /api/v1/operator/audit?after=0&limit=1000",
            testing::problem(403, "operator.forbidden", "Не", "No"));
  server.on("GET /api/v1/operator/audit/verify",
            testing::problem(403, "operator.forbidden", "Не", "No"));
  SubmissionReview review(server);
  review.open("t0k", "S1", testing::sofia_profile(), kToday);
  review.load_audit("t0k");
  EXPECT_TRUE(review.audit_forbidden());
  EXPECT_EQ(review.chain().kind, ChainState::Kind::unavailable);
}

}  // namespace
}  // namespace civic::kiosk
