#include "operator_login.hpp"

#include <gtest/gtest.h>

#include "fake_server.hpp"

namespace civic::kiosk {
namespace {

using testing::FakeServer;

const HttpResponse kRefused = testing::problem(
    401, "operator.bad_credentials", "Грешен потребител или парола", "Wrong user name or password");

TEST(OperatorLogin, ShowsTheServersRefusalAndWipesThePassword) {
  FakeServer server;
  server.on("POST /api/v1/operator/login", kRefused);
  OperatorLogin login(server);
  std::string password = "secret-password";
  bool signed_in = false;
  login.sign_in("ivan", password, [&] { signed_in = true; });
  EXPECT_TRUE(password.empty());
  EXPECT_FALSE(signed_in);
  EXPECT_FALSE(login.signed_in());
  EXPECT_EQ(login.message().bg, "Грешен потребител или парола");
  EXPECT_EQ(login.message().en, "Wrong user name or password");
  EXPECT_FALSE(login.probably_locked());
  ASSERT_EQ(server.sent.size(), 1u);
  EXPECT_EQ(server.sent[0].body, R"({"password":"secret-password","username":"ivan"})");
}

TEST(OperatorLogin, SaysTheAccountIsProbablyLockedFromTheFifthFailureInARow) {
  FakeServer server;
  server.on("POST /api/v1/operator/login", kRefused);
  OperatorLogin login(server);
  for (int attempt = 1; attempt <= OperatorLogin::kFailuresBeforeLock; ++attempt) {
    EXPECT_FALSE(login.probably_locked()) << attempt;
    std::string password = "wrong";
    login.sign_in("ivan", password, [] {});
  }
  EXPECT_EQ(login.failures_in_a_row(), 5);
  EXPECT_TRUE(login.probably_locked());
}

TEST(OperatorLogin, SignsInWithTheServersAccountAndForgetsTheFailures) {
  FakeServer server;
  server.on("POST /api/v1/operator/login", kRefused);
  OperatorLogin login(server);
  std::string password = "wrong";
  login.sign_in("ivan", password, [] {});
  server.on("POST /api/v1/operator/login",
            HttpResponse{200,
                         R"({"token":"t0k","expires_at":"x","username":"ivan","role":"operator",)"
                         R"("districts":["68134-16"]})",
                         ""});
  bool signed_in = false;
  password = "right";
  login.sign_in("ivan", password, [&] { signed_in = true; });
  EXPECT_TRUE(signed_in);
  EXPECT_EQ(login.account().token, "t0k");
  EXPECT_EQ(login.account().districts, std::vector<std::string>{"68134-16"});
  EXPECT_FALSE(login.account().is_admin());
  EXPECT_EQ(login.failures_in_a_row(), 0);
  EXPECT_TRUE(login.message().bg.empty());

  login.sign_out();
  EXPECT_FALSE(login.signed_in());
  EXPECT_EQ(server.sent.back().path, "/api/v1/operator/logout");
  EXPECT_EQ(server.sent.back().token, "t0k");
}

TEST(OperatorLogin, AnUnreachableServerIsSaidSoAndIsNoFailedAttempt) {
  FakeServer server;
  server.on("POST /api/v1/operator/login", HttpResponse{0, "", "Connection"});
  OperatorLogin login(server);
  std::string password = "p";
  login.sign_in("ivan", password, [] {});
  EXPECT_EQ(login.message().en, "The server does not answer; check the network");
  EXPECT_EQ(login.failures_in_a_row(), 0);
}

}  // namespace
}  // namespace civic::kiosk
