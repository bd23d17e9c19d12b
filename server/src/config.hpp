// config.hpp — civic-server's settings from flags, then environment, then defaults.
//
//   --host H        CIVIC_HOST        127.0.0.1
//   --port N        CIVIC_PORT        8080 (0: any free port, printed at start)
//   --data DIR      CIVIC_DATA        ./civic-data       the SQLite database (and, on
//                                                       PostgreSQL, the profile's working copy)
//   --database URL  CIVIC_DATABASE    none (SQLite)      postgresql://… : PostgreSQL instead
//   --db-connections N  CIVIC_DB_CONNECTIONS  16         PostgreSQL connections per process
//   --profile DIR   CIVIC_PROFILE     shared/profiles/sofia
//   --web DIR       CIVIC_WEB         none               static files served at /
//   --keys DIR      CIVIC_KEYS        DATA/keys          created with development keys if absent
//   --threads N     CIVIC_THREADS     64                 requests handled at once
//   --max-connections N  CIVIC_MAX_CONNECTIONS  256      connections open at once (then 503)
//   --head-timeout MS    CIVIC_HEAD_TIMEOUT     10000    ms for a whole request head (then 408)
//   --rate N        CIVIC_RATE        100                requests per second per client (0: off)
//   --max-body N    CIVIC_MAX_BODY    1048576            bytes (at least one sealed file chunk,
//                                                       262160)
//   --max-pending-uploads N  CIVIC_MAX_PENDING_UPLOADS  20  unattached uploads one client may
//                                                       hold (then 429; docs/files.md)
//   --hash-slots N  CIVIC_HASH_SLOTS  2                  password checks at once (64 MiB each)
//   --hash-queue N  CIVIC_HASH_QUEUE  16                 logins that may wait for one (then 503)
//   --today DATE    CIVIC_TODAY       the clock's date   the date answers are validated on
//                                                       (UTC); fixed only for tests and demos
//   --payments P    CIVIC_PAYMENTS    none               development: the test "bank" at
//                                                       /dev/pay/… (never for real fees)
//   --signing P     CIVIC_SIGNING     none               development: the test CA and "phone"
//                                                       at /dev/sign/… (never for real
//                                                       declarations)
//   --sms-outbox FILE  CIVIC_SMS_OUTBOX  DATA/sms-outbox.jsonl  the development SMS gateway's
//                                                       file (elections/sms_gateway.hpp)
//   --clock-file FILE  CIVIC_CLOCK_FILE  none            the vote's, the upload sweep's and
//                                                       the signing requests' clock reads
//                                                       unix seconds from FILE (tests move
//                                                       time; never in production)
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace civic::server {

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::filesystem::path data = "civic-data";
  std::string database;  // a postgresql:// URL, or "" for SQLite in `data`
  int db_connections = 16;
  std::filesystem::path profile = "shared/profiles/sofia";
  std::optional<std::filesystem::path> web;
  std::filesystem::path keys;  // defaults to data / "keys"
  int threads = 64;
  int max_connections = 256;
  int head_timeout_ms = 10000;
  double rate = 100;  // per client and second; bursts of twice that
  std::size_t max_body = 1 << 20;
  std::int64_t max_pending_uploads = 20;
  int max_json_depth = 32;
  std::string today;                 // "YYYY-MM-DD", or "" for the clock's date
  std::string payments = "none";     // none | development (payments/payment_provider.hpp)
  std::string signing = "none";      // none | development (signing/signing_provider.hpp)
  std::filesystem::path sms_outbox;  // defaults to data / "sms-outbox.jsonl"
  std::optional<std::filesystem::path> clock_file;
  int token_minutes = 15;
  int max_failed_logins = 5;
  int lockout_minutes = 15;
  int hash_slots = 2;
  int hash_queue = 16;
};

struct ParsedConfig {
  Config config;
  std::string error;  // non-empty when the flags are wrong
};

// `args` are the flags after the program (and subcommand) name; `env` looks a variable up.
ParsedConfig parse_config(const std::vector<std::string>& args,
                          const std::function<std::optional<std::string>(const char*)>& env);

// Whether `text` names a PostgreSQL database (postgresql:// or postgres://).
bool is_postgres_url(const std::string& text);

// The real environment.
std::optional<std::string> process_env(const char* name);

}  // namespace civic::server
