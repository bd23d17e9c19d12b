#include "auth.hpp"

#include <arpa/inet.h>
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

std::string client_key(const std::string& remote_addr) {
  std::array<unsigned char, 16> bytes{};
  if (remote_addr.find(':') == std::string::npos ||
      inet_pton(AF_INET6, remote_addr.c_str(), bytes.data()) != 1) {
    return remote_addr;
  }
  static constexpr std::array<unsigned char, 12> kMapped = {0, 0, 0, 0, 0,    0,
                                                            0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped.begin(), kMapped.end(), bytes.begin())) {
    return std::to_string(bytes[12]) + "." + std::to_string(bytes[13]) + "." +
           std::to_string(bytes[14]) + "." + std::to_string(bytes[15]);
  }
  std::string prefix(16 + 1, '\0');
  sodium_bin2hex(prefix.data(), prefix.size(), bytes.data(), 8);
  prefix.resize(16);
  return prefix + "::/64";
}

Auth::Auth(Storage& storage, const Config& config, const std::array<unsigned char, 32>& name_key)
    : storage_(storage),
      config_(config),
      name_key_(name_key),
      dummy_hash_(hash_password(random_hex(16))),
      slots_(config.hash_slots, config.hash_queue) {}

std::string Auth::unknown_name(const std::string& username) const {
  std::array<unsigned char, 16> tag{};
  crypto_generichash(tag.data(), tag.size(),
                     reinterpret_cast<const unsigned char*>(username.data()), username.size(),
                     name_key_.data(), name_key_.size());
  std::string hex(tag.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), tag.data(), tag.size());
  hex.resize(tag.size() * 2);
  return "unknown:" + hex;
}

LoginResult Auth::login(const std::string& username, const std::string& password,
                        const std::string& client) {
  using Outcome = LoginResult::Outcome;
  auto lease = slots_.enter();
  const auto op = storage_.find_operator(username);
  const std::string audit_name = op ? op->username : unknown_name(username);
  if (!lease) return {Outcome::busy, "", 0, std::nullopt, audit_name};

  // The same work whether or not the user exists: a dummy hash stands in.
  const std::string& stored = op ? op->password_hash : dummy_hash_;
  const bool right =
      crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0 && op;
  const std::int64_t now = unix_now();
  const LoginLock lock{username, client_key(client), config_.max_failed_logins, now,
                       60 * std::int64_t{config_.lockout_minutes}};
  if (!op) return {Outcome::refused, "", 0, std::nullopt, audit_name};
  if (!right) {
    const auto counted = storage_.count_failed_login(lock);
    return {counted ? Outcome::refused : Outcome::failed, "", 0, std::nullopt, audit_name};
  }
  // Checked after the hash, so that failures counted meanwhile by parallel requests count.
  if (storage_.login_locked(lock)) return {Outcome::refused, "", 0, std::nullopt, audit_name};

  const std::string token = random_hex(32);
  const std::int64_t expires_at = now + 60 * std::int64_t{config_.token_minutes};
  if (!storage_.clear_failed_logins(lock) ||
      !storage_.put_token(hash_hex(token), username, expires_at)) {
    return {Outcome::failed, "", 0, std::nullopt, audit_name};
  }
  return {Outcome::ok, token, expires_at, op, audit_name};
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
