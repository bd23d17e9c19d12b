// kiosk/model/operator_login.hpp — signing an operator in and out.
//
// civic-server answers a wrong password, an unknown user and a locked account alike (401
// operator.bad_credentials: five failures in a row lock the account for this address for 15
// minutes). The kiosk shows the server's own message and, from the fifth failure in a row,
// says that the account is probably locked now: it cannot know more than the server tells.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "civic/result.hpp"
#include "server_client.hpp"

namespace civic::kiosk {

struct OperatorAccount {
  std::string username;
  std::string role;  // operator or admin
  std::vector<std::string> districts;
  std::string token;  // bearer token, kept in memory only
  bool is_admin() const { return role == "admin"; }
};

class OperatorLogin {
 public:
  static constexpr int kFailuresBeforeLock = 5;

  explicit OperatorLogin(ServerClient& server) : server_(server) {}

  // Sends the credentials; the password is wiped from memory once sent. `on_signed_in`
  // runs when the server accepted them.
  void sign_in(const std::string& username, std::string& password,
               std::function<void()> on_signed_in);
  void sign_out();

  bool busy() const { return busy_; }
  bool signed_in() const { return !account_.token.empty(); }
  const OperatorAccount& account() const { return account_; }
  // The last refusal (empty when the last attempt succeeded).
  const Message& message() const { return message_; }
  int failures_in_a_row() const { return failures_; }
  bool probably_locked() const { return failures_ >= kFailuresBeforeLock; }

 private:
  ServerClient& server_;
  OperatorAccount account_;
  Message message_;
  int failures_ = 0;
  bool busy_ = false;
};

}  // namespace civic::kiosk
