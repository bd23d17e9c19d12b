// civic/envelope.hpp — the submission envelope.
//
// What leaves the citizen's device: the form's id and version, the answers that are not
// personal data in canonical form (RFC 8785, civic/jcs.hpp), the hash of the validation
// report, a random 128-bit idempotency id, the creation time (a parameter: the core reads
// no clock), the personal data sealed to the municipality's X25519 public key
// (libsodium's sealed box: only the holder of the secret key can open it) and a
// BLAKE2b-256 content hash over all of that. docs/envelope.md specifies the bytes so that
// another implementation reproduces the hash.
//
// An envelope is a JSON object, members in this order:
//   {"format":"civickit-envelope/1","form":{"id","version"},"created_at","idempotency_id",
//    "report_hash","answers","recipient","sealed","content_hash"}
// content_hash = hex(BLAKE2b-256(JCS(envelope without "content_hash"))). It covers the
// ciphertext, not the personal data, so anyone can check it and no one can test guesses
// of a personal number against it.
//
// Errors: envelope.malformed (path names the member), envelope.unsupported_format,
// envelope.hash_mismatch, envelope.bad_key, envelope.wrong_key, envelope.seal_invalid,
// and the jcs.* errors of the answers or personal data.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "civic/result.hpp"
#include "civic/rng.hpp"

namespace civic::envelope {

using Json = nlohmann::ordered_json;

inline constexpr std::string_view kFormat = "civickit-envelope/1";

using PublicKey = std::array<std::uint8_t, 32>;  // X25519
using SecretKey = std::array<std::uint8_t, 32>;  // X25519

// What a submission holds before it is sealed.
struct Draft {
  std::string form_id;      // non-empty
  Json form_version;        // a string or a non-negative integer
  Json answers;             // an object: answers that are not personal data, sent in the clear
  Json personal;            // an object: personal data, sealed
  std::string report_hash;  // 64 lower-case hex digits (see canonical_hash)
  std::string created_at;   // "YYYY-MM-DDTHH:MM:SSZ", UTC
};

// Seals `draft` to `recipient`. Draws 16 bytes (the idempotency id) then 32 bytes (the
// ephemeral X25519 secret key) from `rng`, so a seeded Rng gives a byte-identical envelope.
Result<Json> seal(const Draft& draft, const PublicKey& recipient, Rng& rng);

// hex(BLAKE2b-256(JCS(envelope without "content_hash"))). The envelope must be an object.
Result<std::string> content_hash(const Json& envelope);

// Checks the envelope's shape, format and content hash (no key needed).
Result<Unit> verify(const Json& envelope);

struct Opened {
  Json envelope;  // the verified envelope, as given
  Json personal;  // the personal data, unsealed
};

// Verifies the envelope, then opens its sealed part with `secret`.
Result<Opened> open(const Json& envelope, const SecretKey& secret);

// hex(BLAKE2b-256(JCS(value))): the report hash, or any other hash of a JSON value.
Result<std::string> canonical_hash(const Json& value);

// 64 hex digits (either case) → key. Error envelope.bad_key.
Result<PublicKey> parse_public_key(std::string_view hex);
Result<SecretKey> parse_secret_key(std::string_view hex);
PublicKey public_key_of(const SecretKey& secret);

// A new municipality key pair from 32 bytes of `rng`.
struct KeyPair {
  PublicKey public_key;
  SecretKey secret_key;
};
KeyPair generate_key_pair(Rng& rng);

// Lower-case hex of bytes.
std::string to_hex(const std::uint8_t* bytes, std::size_t size);

}  // namespace civic::envelope
