// app.hpp — what every route handler works with, built once at start.
#pragma once

#include <memory>

#include "auth.hpp"
#include "clock.hpp"
#include "config.hpp"
#include "elections/vote_services.hpp"
#include "files/upload_sweeper.hpp"
#include "keys.hpp"
#include "limits.hpp"
#include "metrics.hpp"
#include "payments/payment_provider.hpp"
#include "profile_store.hpp"
#include "random.hpp"
#include "register_sync.hpp"
#include "signing/signing_provider.hpp"
#include "storage.hpp"

namespace civic::server {

struct App {
  Config config;
  Clock now = unix_now;  // make_clock(config) once opened
  Keys keys;
  std::unique_ptr<Storage> storage;
  std::unique_ptr<ProfileStore> profiles;
  std::unique_ptr<Auth> auth;
  std::unique_ptr<RateLimiter> limiter;
  std::unique_ptr<PaymentProvider> payments;  // null: fees are not paid online
  std::unique_ptr<SigningProvider> signing;   // null: declarations are not signed online
  Clock clock;                                // where tests move time: the signing requests' expiry
  Metrics metrics;
  std::unique_ptr<VoteServices> vote;
  std::unique_ptr<RegisterSync> register_sync;    // on PostgreSQL only; stops before the rest
  std::unique_ptr<UploadSweeper> upload_sweeper;  // stops first
};

// Opens the storage (open_storage.hpp), loads or creates the keys and the profile.
// Throws std::runtime_error (or StorageError, SchemaTooNew) when one of them fails.
std::unique_ptr<App> open_app(const Config& config);

}  // namespace civic::server
