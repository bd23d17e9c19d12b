// auth.hpp — operators: Argon2id passwords, short-lived bearer tokens, lockout, scopes.
//
// Passwords are stored as crypto_pwhash_str (Argon2id) strings. A login issues a random
// 256-bit token; only its BLAKE2b hash is stored, with an expiry (Config::token_minutes).
// Roles: "operator" (its districts only) and "admin" (everything).
//
// Under attack (issue 14):
// - at most Config::hash_slots password checks run at once and Config::hash_queue wait;
//   past that a login is `busy` (503 + Retry-After) without hashing, so memory stays flat;
// - an unknown user name is checked against a dummy hash, so it takes as long as a wrong
//   password; locked and wrong answer alike (`refused`), so neither tells who exists;
// - Config::max_failed_logins failures in a row lock the account *from that client address*
//   (an IPv6 client's /64) for Config::lockout_minutes, counted in one storage statement.
//   An attacker elsewhere cannot lock an administrator out; `civic-server operator unlock`
//   (or a password reset) lifts every lock of an account.
#pragma once

#include <httplib.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "operators/work_slots.hpp"
#include "storage.hpp"

namespace civic::server {

// Longest user name and password a login accepts (longer: 400 before any lookup or hash).
inline constexpr std::size_t kMaxUsername = 64;
inline constexpr std::size_t kMaxPassword = 1024;

std::string hash_password(const std::string& password);

struct LoginResult {
  enum class Outcome { ok, refused, busy, failed } outcome;
  std::string token;  // when ok
  std::int64_t expires_at = 0;
  std::optional<Operator> op;
  // Who the audit log names: the user name of an existing operator, else
  // "unknown:" + a keyed hash of what was typed (never the text: it may be a password).
  std::string audit_name;
};

class Auth {
 public:
  // `name_key` keys the hash of unknown user names (derived from the server's keys).
  Auth(Storage& storage, const Config& config, const std::array<unsigned char, 32>& name_key);

  // `client` is the request's remote address.
  LoginResult login(const std::string& username, const std::string& password,
                    const std::string& client);
  void logout(const httplib::Request& request);
  // The operator whose valid token the request carries (Authorization: Bearer …).
  std::optional<Operator> authenticate(const httplib::Request& request);

  static bool may_access(const Operator& op, const std::string& district);
  static bool is_admin(const Operator& op) { return op.role == "admin"; }

 private:
  std::string unknown_name(const std::string& username) const;

  Storage& storage_;
  const Config& config_;
  std::array<unsigned char, 32> name_key_;
  std::string dummy_hash_;
  WorkSlots slots_;
};

// The token in "Authorization: Bearer TOKEN", or "".
std::string bearer_token(const httplib::Request& request);

// What lockout counts per: an IPv4 address as is, an IPv6 address's /64 prefix.
std::string client_key(const std::string& remote_addr);

}  // namespace civic::server
