#include "auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "random.hpp"

namespace civic::server {

std::string hash_password(const std::string& password) {
  std::string hashed(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str(hashed.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory hashing a password");
  }
  hashed.resize(hashed.find('\0'));
  return hashed;
}

std::string bearer_token(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kPrefix = "Bearer ";
  if (header.size() <= kPrefix.size() || header.compare(0, kPrefix.size(), kPrefix) != 0) {
    return "";
  }
  return header.substr(kPrefix.size());
}

LoginResult Auth::login(const std::string& username, const std::string& password) {
  const std::int64_t now = unix_now();
  auto op = storage_.find_operator(username);
  if (!op) return {LoginResult::Outcome::bad_credentials, "", 0, std::nullopt};
  if (op->locked_until > now) return {LoginResult::Outcome::locked, "", 0, std::nullopt};
  if (crypto_pwhash_str_verify(op->password_hash.c_str(), password.data(), password.size()) != 0) {
    const int failures = op->failed_logins + 1;
    const bool lock = failures >= config_.max_failed_logins;
    const auto recorded = storage_.record_login(
        username, lock ? 0 : failures, lock ? now + 60 * std::int64_t{config_.lockout_minutes} : 0);
    if (!recorded) return {LoginResult::Outcome::failed, "", 0, std::nullopt};
    return {lock ? LoginResult::Outcome::locked : LoginResult::Outcome::bad_credentials, "", 0,
            std::nullopt};
  }
  const std::string token = random_hex(32);
  const std::int64_t expires_at = now + 60 * std::int64_t{config_.token_minutes};
  if (!storage_.record_login(username, 0, 0) ||
      !storage_.put_token(hash_hex(token), username, expires_at)) {
    return {LoginResult::Outcome::failed, "", 0, std::nullopt};
  }
  return {LoginResult::Outcome::ok, token, expires_at, op};
}

void Auth::logout(const httplib::Request& request) {
  const std::string token = bearer_token(request);
  if (!token.empty()) (void)storage_.drop_token(hash_hex(token));
}

std::optional<Operator> Auth::authenticate(const httplib::Request& request) {
  const std::string token = bearer_token(request);
  if (token.empty()) return std::nullopt;
  const auto username = storage_.token_owner(hash_hex(token), unix_now());
  if (!username) return std::nullopt;
  return storage_.find_operator(*username);
}

bool Auth::may_access(const Operator& op, const std::string& district) {
  return is_admin(op) ||
         std::find(op.districts.begin(), op.districts.end(), district) != op.districts.end();
}

}  // namespace civic::server
