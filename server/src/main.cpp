// civic-server: the HTTP API, static files and the operators' tools.
//
//   civic-server [serve] [--port N] [--data DIR] [--profile DIR] [--web DIR] [--keys DIR] …
//   civic-server --print-routes                  every served route, "METHOD PATH" per line
//   civic-server audit verify --data DIR         checks the audit hash chain (exit 1 if broken)
//   civic-server operator add --data DIR --username U --role operator|admin [--districts A,B]
//                                               password from CIVIC_OPERATOR_PASSWORD, else
//                                               generated and printed once
//   civic-server demo-operators --data DIR       one demo operator per role, when none exist
// See config.hpp for every serve flag and its environment variable.
#include <sodium.h>

#include <iostream>
#include <sstream>

#include "audit.hpp"
#include "civic/api.hpp"
#include "http_server.hpp"
#include "log.hpp"
#include "random.hpp"
#include "sqlite_storage.hpp"

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

int usage(const std::string& problem) {
  std::cerr << "civic-server: " << problem << "\n(see server/src/main.cpp for the usage)\n";
  return 2;
}

int audit_verify(const std::vector<std::string>& args) {
  const std::string data = flag(args, "--data");
  if (data.empty()) return usage("audit verify needs --data DIR");
  SqliteStorage storage(data);
  const auto check = audit::verify(storage.audit_log(0, INT_MAX));
  std::cout << civic::api::dump(audit::to_json(check)) << '\n';
  return check.valid ? 0 : 1;
}

int add_operator(SqliteStorage& storage, const Operator& op, std::string password) {
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
  const std::string data = flag(args, "--data");
  const std::string role = flag(args, "--role");
  Operator op{flag(args, "--username"), "", role, split(flag(args, "--districts")), 0, 0};
  if (data.empty() || op.username.empty() || (role != "operator" && role != "admin")) {
    return usage("operator add needs --data, --username and --role operator|admin");
  }
  SqliteStorage storage(data);
  return add_operator(storage, op, process_env("CIVIC_OPERATOR_PASSWORD").value_or(""));
}

int demo_operators(const std::vector<std::string>& args) {
  const std::string data = flag(args, "--data");
  if (data.empty()) return usage("demo-operators needs --data DIR");
  SqliteStorage storage(data);
  if (storage.find_operator("admin")) {
    std::cout << "demo operators exist already (their passwords were printed when created)\n";
    return 0;
  }
  const int admin = add_operator(storage, {"admin", "", "admin", {}, 0, 0}, "");
  return admin != 0 ? admin
                    : add_operator(storage, {"operator16", "", "operator", {"68134-16"}, 0, 0}, "");
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
    if (command == "--print-routes") {
      for (const auto& route : served_routes())
        std::cout << route.method << ' ' << route.path << '\n';
      return 0;
    }
    if (sodium_init() < 0) return usage("libsodium failed to start");
    const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (command == "audit" && !rest.empty() && rest.front() == "verify") return audit_verify(rest);
    if (command == "operator" && !rest.empty() && rest.front() == "add") return operator_add(rest);
    if (command == "demo-operators") return demo_operators(rest);
    if (command == "serve") return run_server(rest);
    if (command.rfind("--", 0) == 0) return run_server(args);
    return usage("unknown command " + command);
  } catch (const std::exception& failure) {
    log_event("error", "fatal", {{"what", failure.what()}});
    return 1;
  }
}
