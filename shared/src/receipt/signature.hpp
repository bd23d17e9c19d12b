// The municipality's Ed25519 signature over a document's canonical form (internal to the
// receipt module: receipts and certificates are signed the same way).
#pragma once

#include <string>
#include <string_view>

#include "civic/receipt.hpp"

namespace civic::receipt {

// crypto_sign_detached (deterministic) over JCS(document), as 128 lower-case hex digits.
// Errors: the jcs.* errors of the document.
Result<std::string> sign_canonical(const Json& document, const Seed& seed);

// Whether `signature_hex` (128 hex digits, already checked) is `key`'s signature of
// JCS(document). Errors: the jcs.* errors of the document.
Result<bool> verify_canonical(const Json& document, std::string_view signature_hex,
                              const PublicKey& key);

}  // namespace civic::receipt
