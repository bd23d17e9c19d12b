#include "app.hpp"

#include <sodium.h>

#include <stdexcept>

#include "open_storage.hpp"
#include "payments/development_provider.hpp"
#include "signing/development_provider.hpp"

namespace civic::server {

namespace {

// The key of the hash that names unknown user names in the audit log: derived from the
// receipt seed, so it is secret, stable across restarts, and needs no file of its own.
std::array<unsigned char, 32> derive_name_key(const Keys& keys) {
  static constexpr std::string_view kContext = "civic-server/unknown-username/1";
  std::array<unsigned char, 32> key{};
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(kContext.data()), kContext.size(),
                     keys.receipt_seed.data(), keys.receipt_seed.size());
  return key;
}

}  // namespace

std::unique_ptr<App> open_app(const Config& config) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to start");
  auto app = std::make_unique<App>();
  app->config = config;
  app->now = make_clock(config);
  app->keys = load_or_create_keys(config.keys);
  app->storage = open_storage(config.database, config.data, config.db_connections);
  app->profiles = std::make_unique<ProfileStore>(config.profile, config.data, app->keys,
                                                 app->storage->registers());
  app->auth = std::make_unique<Auth>(*app->storage, app->config, derive_name_key(app->keys));
  app->limiter = std::make_unique<RateLimiter>(config.rate);
  if (config.payments == "development") {
    app->payments = std::make_unique<DevelopmentPaymentProvider>(app->keys.payment_callback);
  }
  if (config.signing == "development") {
    app->signing = std::make_unique<DevelopmentSigningProvider>(app->keys.signing_ca_seed,
                                                                app->keys.signing_callback);
  }
  app->clock = make_clock(config);
  app->vote = make_vote_services(*app->storage, app->config, app->keys.voter_key);
  if (!config.database.empty()) {
    app->register_sync =
        std::make_unique<RegisterSync>(*app->storage, *app->profiles, std::chrono::seconds(1));
  }
  app->upload_sweeper =
      std::make_unique<UploadSweeper>(*app->storage, app->now, std::chrono::hours(1));
  return app;
}

}  // namespace civic::server
