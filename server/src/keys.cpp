#include "keys.hpp"

#include <fstream>
#include <stdexcept>

#include "civic/vote/group.hpp"
#include "random.hpp"

namespace civic::server {

namespace {

namespace fs = std::filesystem;

// The 64 hex digits in `file`, creating the file with new random ones when absent.
std::string key_hex(const fs::path& file, bool& created) {
  if (!fs::exists(file)) {
    const std::string hex = random_hex(32);
    {
      std::ofstream out(file);
      out << hex << '\n';
    }
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    created = true;
    return hex;
  }
  std::ifstream in(file);
  std::string hex;
  in >> hex;
  if (!in) throw std::runtime_error("cannot read key file " + file.string());
  return hex;
}

template <typename Parsed>
auto parse_or_throw(Parsed parsed, const fs::path& file) {
  if (!parsed) throw std::runtime_error("malformed key file " + file.string());
  return *parsed;
}

}  // namespace

Keys load_or_create_keys(const fs::path& dir) {
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all);
  Keys keys;
  const fs::path envelope_file = dir / "envelope.key";
  keys.envelope_secret = parse_or_throw(
      envelope::parse_secret_key(key_hex(envelope_file, keys.created)), envelope_file);
  keys.envelope_public = envelope::public_key_of(keys.envelope_secret);
  const fs::path receipt_file = dir / "receipt.key";
  keys.receipt_seed =
      parse_or_throw(receipt::parse_seed(key_hex(receipt_file, keys.created)), receipt_file);
  keys.receipt_public = receipt::public_key_of(keys.receipt_seed);
  const fs::path payment_file = dir / "payment_callback.key";
  // 32 bytes as 64 hex digits, like the others (no key type of its own in the core).
  keys.payment_callback =
      parse_or_throw(envelope::parse_secret_key(key_hex(payment_file, keys.created)), payment_file);
  const fs::path voter_file = dir / "voter.key";
  if (!vote::from_hex(key_hex(voter_file, keys.created), keys.voter_key)) {
    throw std::runtime_error("malformed key file " + voter_file.string());
  }
  const fs::path signing_ca_file = dir / "signing_ca.key";
  keys.signing_ca_seed = parse_or_throw(
      envelope::parse_secret_key(key_hex(signing_ca_file, keys.created)), signing_ca_file);
  const fs::path signing_callback_file = dir / "signing_callback.key";
  keys.signing_callback =
      parse_or_throw(envelope::parse_secret_key(key_hex(signing_callback_file, keys.created)),
                     signing_callback_file);
  return keys;
}

}  // namespace civic::server
