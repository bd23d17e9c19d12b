// civic-server: the HTTP API, static files and the operators' tools (usage: kUsage below,
// printed by `civic-server --help`).
#include <sodium.h>

#include <iostream>
#include <sstream>

#include "audit.hpp"
#include "civic/api.hpp"
#include "http_server.hpp"
#include "log.hpp"
#include "open_storage.hpp"
#include "random.hpp"

namespace {

using namespace civic::server;

std::string flag(const std::vector<std::string>& args, const std::string& name) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == name) return args[i + 1];
  }
  return "";
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// The storage a CLI subcommand works on: --database (or CIVIC_DATABASE) when given, else the
// SQLite database in --data. Null when neither names one.
std::unique_ptr<Storage> cli_storage(const std::vector<std::string>& args) {
  std::string database = flag(args, "--database");
  if (database.empty()) database = process_env("CIVIC_DATABASE").value_or("");
  const std::string data = flag(args, "--data");
  if (database.empty() && data.empty()) return nullptr;
  if (!database.empty() && !is_postgres_url(database)) {
    throw std::runtime_error("--database must be a postgresql:// URL");
  }
  return open_storage(database, data, 1);
}

constexpr const char* kUsage = R"(usage:
  civic-server [serve] [FLAGS]             serves the API (and --web) until SIGTERM/SIGINT
  civic-server --print-routes              every served route, "METHOD PATH" per line
  civic-server audit verify --data DIR     checks the audit hash chain (exit 1 if broken)
  civic-server operator add --data DIR --username U --role operator|admin|pb [--districts A,B]
                                           creates U, or resets U's password (revoking U's
                                           tokens and locks); the password is read from
                                           CIVIC_OPERATOR_PASSWORD, else generated and
                                           printed once
  civic-server operator unlock --data DIR --username U
                                           lifts every login lock of U
  civic-server demo-operators --data DIR   one demo operator per role, when none exist
  civic-server --help                      this text
  (every subcommand takes --database URL, or CIVIC_DATABASE, instead of --data DIR)

serve FLAGS (each also read from its environment variable; a flag wins):
  --host H        CIVIC_HOST        127.0.0.1
  --port N        CIVIC_PORT        8080 (0: any free port, printed at start)
  --data DIR      CIVIC_DATA        ./civic-data       the SQLite database (and, on
                                                     PostgreSQL, the profile's working copy)
  --database URL  CIVIC_DATABASE    none (SQLite)      postgresql://… : PostgreSQL instead
  --db-connections N  CIVIC_DB_CONNECTIONS  16         PostgreSQL connections per process
  --profile DIR   CIVIC_PROFILE     shared/profiles/sofia
  --web DIR       CIVIC_WEB         none               static files served at /
  --keys DIR      CIVIC_KEYS        DATA/keys          created with development keys if absent
  --threads N     CIVIC_THREADS     64                 requests handled at once
  --max-connections N  CIVIC_MAX_CONNECTIONS  256      connections open at once (then 503)
  --head-timeout MS    CIVIC_HEAD_TIMEOUT     10000    ms for a whole request head (then 408)
  --rate N        CIVIC_RATE        100                requests per second per client (0: off)
  --max-body N    CIVIC_MAX_BODY    1048576            bytes of a request body, any encoding
                                                     (at least 262160: one sealed file chunk)
  --max-pending-uploads N  CIVIC_MAX_PENDING_UPLOADS  20  unattached uploads per client (429)
  --hash-slots N  CIVIC_HASH_SLOTS  2                  password checks at once (64 MiB each)
  --hash-queue N  CIVIC_HASH_QUEUE  16                 logins that may wait for one (then 503)
  --today DATE    CIVIC_TODAY       the clock's date   the date answers are validated on (UTC)
  --payments P    CIVIC_PAYMENTS    none               development: the test "bank" /dev/pay/…
  --signing P     CIVIC_SIGNING     none               development: the test CA and "phone"
                                                       /dev/sign/… (never for real declarations)
  --clock-file F  CIVIC_CLOCK_FILE  none               unix seconds from F (tests only)
)";

int usage(const std::string& problem) {
  std::cerr << "civic-server: " << problem << "\n\n" << kUsage;
  return 2;
}

int operator_unlock(const std::vector<std::string>& args) {
  const std::string username = flag(args, "--username");
  auto storage = cli_storage(args);
  if (!storage || username.empty()) {
    return usage("operator unlock needs --data (or --database) and --username");
  }
  if (!storage->find_operator(username)) return usage("no operator " + username);
  const auto unlocked = storage->unlock_operator(username);
  if (!unlocked) return usage(unlocked.error().message.en);
  std::cout << "unlocked " << username << '\n';
  return 0;
}

int audit_verify(const std::vector<std::string>& args) {
  auto storage = cli_storage(args);
  if (!storage) return usage("audit verify needs --data DIR (or --database URL)");
  const auto check = audit::verify(storage->audit_log(0, INT_MAX));
  std::cout << civic::api::dump(audit::to_json(check)) << '\n';
  return check.valid ? 0 : 1;
}

int add_operator(Storage& storage, const Operator& op, std::string password) {
  const bool generated = password.empty();
  if (generated) password = random_hex(12);
  Operator stored = op;
  stored.password_hash = hash_password(password);
  const auto saved = storage.put_operator(stored);
  if (!saved) return usage(saved.error().message.en);
  std::cout << op.role << "  user: " << op.username << "  password: " << password;
  if (!op.districts.empty()) std::cout << "  districts: " << op.districts.front();
  std::cout << (generated ? "  (shown once)" : "") << '\n';
  return 0;
}

int operator_add(const std::vector<std::string>& args) {
  const std::string role = flag(args, "--role");
  Operator op{flag(args, "--username"), "", role, split(flag(args, "--districts"))};
  auto storage = cli_storage(args);
  if (!storage || op.username.empty() || (role != "operator" && role != "admin" && role != "pb")) {
    return usage(
        "operator add needs --data (or --database), --username and --role operator|admin|pb");
  }
  return add_operator(*storage, op, process_env("CIVIC_OPERATOR_PASSWORD").value_or(""));
}

int demo_operators(const std::vector<std::string>& args) {
  auto storage = cli_storage(args);
  if (!storage) return usage("demo-operators needs --data DIR (or --database URL)");
  if (storage->find_operator("admin")) {
    std::cout << "demo operators exist already (their passwords were printed when created)\n";
    return 0;
  }
  const int admin = add_operator(*storage, {"admin", "", "admin", {}}, "");
  return admin != 0 ? admin
                    : add_operator(*storage, {"operator16", "", "operator", {"68134-16"}}, "");
}

int run_server(const std::vector<std::string>& args) {
  const auto parsed = parse_config(args, process_env);
  if (!parsed.error.empty()) return usage(parsed.error);
  auto app = open_app(parsed.config);
  if (app->keys.created) {
    log_event("warning", "development_keys_created", {{"dir", parsed.config.keys.string()}});
  }
  return serve(*app);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string command = args.empty() ? "serve" : args.front();
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "--print-routes") {
      for (const auto& route : served_routes())
        std::cout << route.method << ' ' << route.path << '\n';
      return 0;
    }
    if (sodium_init() < 0) return usage("libsodium failed to start");
    const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (command == "audit" && !rest.empty() && rest.front() == "verify") return audit_verify(rest);
    if (command == "operator" && !rest.empty() && rest.front() == "add") return operator_add(rest);
    if (command == "operator" && !rest.empty() && rest.front() == "unlock") {
      return operator_unlock(rest);
    }
    if (command == "demo-operators") return demo_operators(rest);
    if (command == "serve") return run_server(rest);
    if (command.rfind("--", 0) == 0) return run_server(args);
    return usage("unknown command " + command);
  } catch (const std::exception& failure) {
    log_event("error", "fatal", {{"what", failure.what()}});
    return 1;
  }
}
