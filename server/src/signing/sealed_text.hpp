// sealed_text.hpp — text kept sealed to the municipality's envelope key (libsodium's sealed
// box, as the envelopes' personal data): only civic-server, holding the secret key, opens it.
#pragma once

#include <optional>
#include <string>

#include "civic/envelope.hpp"

namespace civic::server {

// The sealed box of `text`, as lower-case hex.
std::string seal_text(const std::string& text, const envelope::PublicKey& key);

// The text sealed in `sealed` (hex), or nullopt when it does not open with the key pair.
std::optional<std::string> open_text(const std::string& sealed, const envelope::PublicKey& key,
                                     const envelope::SecretKey& secret);

}  // namespace civic::server
