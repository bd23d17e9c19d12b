#include "config.hpp"

#include <charconv>
#include <cstdlib>
#include <map>

#include "civic/date.hpp"
#include "civic/sealed_file.hpp"

namespace civic::server {

namespace {

// A request body must fit one sealed chunk of a file (PUT /api/v1/uploads/{id}/chunks/{i}).
constexpr std::size_t kMinBody = sealed_file::kChunkBytes + sealed_file::kChunkOverhead;

struct Setting {
  const char* env;
  std::function<bool(Config&, const std::string&)> apply;
};

template <typename Number>
bool parse_number(const std::string& text, Number& out, Number min) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min) return false;
  out = value;
  return true;
}

const std::map<std::string, Setting>& settings() {
  static const std::map<std::string, Setting> kSettings = {
      {"--host",
       {"CIVIC_HOST", [](Config& c, const std::string& v) { return !(c.host = v).empty(); }}},
      {"--port",
       {"CIVIC_PORT",
        [](Config& c, const std::string& v) {
          return parse_number(v, c.port, 0) && c.port <= 65535;
        }}},
      {"--data",
       {"CIVIC_DATA",
        [](Config& c, const std::string& v) {
          c.data = v;
          return true;
        }}},
      {"--database",
       {"CIVIC_DATABASE",
        [](Config& c, const std::string& v) {
          c.database = v;
          return v.empty() || is_postgres_url(v);
        }}},
      {"--db-connections",
       {"CIVIC_DB_CONNECTIONS",
        [](Config& c, const std::string& v) { return parse_number(v, c.db_connections, 1); }}},
      {"--profile",
       {"CIVIC_PROFILE",
        [](Config& c, const std::string& v) {
          c.profile = v;
          return true;
        }}},
      {"--web",
       {"CIVIC_WEB",
        [](Config& c, const std::string& v) {
          c.web = v;
          return true;
        }}},
      {"--keys",
       {"CIVIC_KEYS",
        [](Config& c, const std::string& v) {
          c.keys = v;
          return true;
        }}},
      {"--threads",
       {"CIVIC_THREADS",
        [](Config& c, const std::string& v) { return parse_number(v, c.threads, 1); }}},
      {"--max-connections",
       {"CIVIC_MAX_CONNECTIONS",
        [](Config& c, const std::string& v) { return parse_number(v, c.max_connections, 1); }}},
      {"--head-timeout",
       {"CIVIC_HEAD_TIMEOUT",
        [](Config& c, const std::string& v) { return parse_number(v, c.head_timeout_ms, 100); }}},
      {"--rate",
       {"CIVIC_RATE",
        [](Config& c, const std::string& v) {
          int rate = 0;
          if (!parse_number(v, rate, 0)) return false;
          c.rate = rate;
          return true;
        }}},
      {"--today",
       {"CIVIC_TODAY",
        [](Config& c, const std::string& v) {
          c.today = v;
          return parse_iso_date(v).ok();
        }}},
      {"--payments",
       {"CIVIC_PAYMENTS",
        [](Config& c, const std::string& v) {
          c.payments = v;
          return v == "none" || v == "development";
        }}},
      {"--signing",
       {"CIVIC_SIGNING",
        [](Config& c, const std::string& v) {
          c.signing = v;
          return v == "none" || v == "development";
        }}},
      {"--sms-outbox",
       {"CIVIC_SMS_OUTBOX",
        [](Config& c, const std::string& v) {
          c.sms_outbox = v;
          return !v.empty();
        }}},
      {"--clock-file",
       {"CIVIC_CLOCK_FILE",
        [](Config& c, const std::string& v) {
          c.clock_file = v;
          return !v.empty();
        }}},
      {"--hash-slots",
       {"CIVIC_HASH_SLOTS",
        [](Config& c, const std::string& v) { return parse_number(v, c.hash_slots, 1); }}},
      {"--hash-queue",
       {"CIVIC_HASH_QUEUE",
        [](Config& c, const std::string& v) { return parse_number(v, c.hash_queue, 0); }}},
      {"--max-body",
       {"CIVIC_MAX_BODY",
        [](Config& c, const std::string& v) { return parse_number(v, c.max_body, kMinBody); }}},
      {"--max-pending-uploads",
       {"CIVIC_MAX_PENDING_UPLOADS",
        [](Config& c, const std::string& v) {
          return parse_number(v, c.max_pending_uploads, std::int64_t{1});
        }}},
  };
  return kSettings;
}

}  // namespace

bool is_postgres_url(const std::string& text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

ParsedConfig parse_config(const std::vector<std::string>& args,
                          const std::function<std::optional<std::string>(const char*)>& env) {
  ParsedConfig parsed;
  for (const auto& [flag, setting] : settings()) {
    const auto value = env(setting.env);
    if (value && !setting.apply(parsed.config, *value)) {
      parsed.error = std::string("bad value of ") + setting.env;
      return parsed;
    }
  }
  for (std::size_t i = 0; i < args.size(); i += 2) {  // each flag is followed by its value
    const auto setting = settings().find(args[i]);
    if (setting == settings().end()) {
      parsed.error = "unknown flag " + args[i];
      return parsed;
    }
    if (i + 1 == args.size() || !setting->second.apply(parsed.config, args[i + 1])) {
      parsed.error = "bad or missing value after " + args[i];
      return parsed;
    }
  }
  if (parsed.config.keys.empty()) parsed.config.keys = parsed.config.data / "keys";
  if (parsed.config.sms_outbox.empty()) {
    parsed.config.sms_outbox = parsed.config.data / "sms-outbox.jsonl";
  }
  return parsed;
}

std::optional<std::string> process_env(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at start only
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

}  // namespace civic::server
