// libsodium's sealed box with the ephemeral key drawn from an Rng (internal).
//
// crypto_box_seal draws its ephemeral key from the platform; this produces the same format
// (ephemeral public key ‖ crypto_box_easy(message, nonce = BLAKE2b-192(epk ‖ pk), pk, esk))
// from an injected Rng, so crypto_box_seal_open opens it and a seeded Rng reproduces it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "civic/envelope.hpp"
#include "encoding.hpp"

namespace civic::envelope {

// Nothing when `recipient` is not a usable key (a low-order point).
std::optional<Bytes> seal_box(std::string_view message, const PublicKey& recipient, Rng& rng);

// The message, or nothing when the box was not sealed to this key pair or was altered.
std::optional<std::string> open_box(const Bytes& box, const PublicKey& recipient,
                                    const SecretKey& secret);

}  // namespace civic::envelope
