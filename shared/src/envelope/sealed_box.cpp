#include "sealed_box.hpp"

#include <sodium.h>

namespace civic::envelope {

std::optional<Bytes> seal_box(std::string_view message, const PublicKey& recipient, Rng& rng) {
  SecretKey ephemeral_secret;
  rng.fill(ephemeral_secret);
  const PublicKey ephemeral_public = public_key_of(ephemeral_secret);

  std::uint8_t nonce[crypto_box_NONCEBYTES];
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, sizeof nonce);
  crypto_generichash_update(&state, ephemeral_public.data(), ephemeral_public.size());
  crypto_generichash_update(&state, recipient.data(), recipient.size());
  crypto_generichash_final(&state, nonce, sizeof nonce);

  Bytes box(crypto_box_PUBLICKEYBYTES + crypto_box_MACBYTES + message.size());
  std::copy(ephemeral_public.begin(), ephemeral_public.end(), box.begin());
  const int status =
      crypto_box_easy(box.data() + crypto_box_PUBLICKEYBYTES,
                      reinterpret_cast<const unsigned char*>(message.data()), message.size(), nonce,
                      recipient.data(), ephemeral_secret.data());
  sodium_memzero(ephemeral_secret.data(), ephemeral_secret.size());
  if (status != 0) return std::nullopt;
  return box;
}

std::optional<std::string> open_box(const Bytes& box, const PublicKey& recipient,
                                    const SecretKey& secret) {
  if (box.size() < crypto_box_SEALBYTES) return std::nullopt;
  std::string message(box.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(message.data()), box.data(), box.size(),
                           recipient.data(), secret.data()) != 0) {
    return std::nullopt;
  }
  return message;
}

}  // namespace civic::envelope
