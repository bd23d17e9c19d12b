#include "app.hpp"

#include <sodium.h>

#include <stdexcept>

#include "sqlite_storage.hpp"

namespace civic::server {

std::unique_ptr<App> open_app(const Config& config) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to start");
  auto app = std::make_unique<App>();
  app->config = config;
  app->keys = load_or_create_keys(config.keys);
  app->storage = std::make_unique<SqliteStorage>(config.data);
  app->profiles = std::make_unique<ProfileStore>(config.profile, config.data, app->keys,
                                                 app->storage->registers());
  app->auth = std::make_unique<Auth>(*app->storage, app->config);
  app->limiter = std::make_unique<RateLimiter>(config.rate);
  return app;
}

}  // namespace civic::server
