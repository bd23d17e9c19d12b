// auth.hpp — operators: Argon2id passwords, short-lived bearer tokens, lockout, scopes.
//
// Passwords are stored as crypto_pwhash_str (Argon2id) strings. A login issues a random
// 256-bit token; only its BLAKE2b hash is stored, with an expiry (Config::token_minutes).
// After Config::max_failed_logins failures in a row the account is locked for
// Config::lockout_minutes. Roles: "operator" (its districts only) and "admin" (everything).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "storage.hpp"

namespace civic::server {

std::string hash_password(const std::string& password);

struct LoginResult {
  enum class Outcome { ok, bad_credentials, locked, failed } outcome;
  std::string token;  // when ok
  std::int64_t expires_at = 0;
  std::optional<Operator> op;
};

class Auth {
 public:
  Auth(Storage& storage, const Config& config) : storage_(storage), config_(config) {}

  LoginResult login(const std::string& username, const std::string& password);
  void logout(const httplib::Request& request);
  // The operator whose valid token the request carries (Authorization: Bearer …).
  std::optional<Operator> authenticate(const httplib::Request& request);

  static bool may_access(const Operator& op, const std::string& district);
  static bool is_admin(const Operator& op) { return op.role == "admin"; }

 private:
  Storage& storage_;
  const Config& config_;
};

// The token in "Authorization: Bearer TOKEN", or "".
std::string bearer_token(const httplib::Request& request);

}  // namespace civic::server
