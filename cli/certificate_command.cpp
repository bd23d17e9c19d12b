// civic certificate verify — checks a certificate the municipality issued
// (civic/certificate.hpp) offline, against the receipt key.
#include <cstdio>
#include <optional>
#include <string>

#include "commands.hpp"
#include "json_file.hpp"

namespace civic::cli {

namespace {

constexpr const char* kUsage =
    "civic certificate verify CERTIFICATE.json (--public-key HEX | --bundle PROFILE.json)";

// The receipt key of a profile bundle as civic-server serves it (GET /api/v1/profile).
std::optional<std::string> bundle_key(const std::string& path) {
  auto bundle = read_json_document(path);
  if (!bundle) return std::nullopt;
  const auto keys = bundle->find("keys");
  if (keys == bundle->end() || !keys->is_object() || !keys->contains("receipt") ||
      !(*keys)["receipt"].is_string()) {
    std::fprintf(stderr, "civic: %s has no keys.receipt (save the bundle the server serves)\n",
                 path.c_str());
    return std::nullopt;
  }
  return (*keys)["receipt"].get<std::string>();
}

}  // namespace

int certificate_command(const Args& args) {
  if (args.size() != 4 || args[0] != "verify") return usage_error(kUsage);
  std::optional<std::string> key;
  if (args[2] == "--public-key") {
    key = args[3];
  } else if (args[2] == "--bundle") {
    key = bundle_key(args[3]);
    if (!key) return 2;
  } else {
    return usage_error(kUsage);
  }
  auto certificate = read_json_document(args[1]);
  if (!certificate) return 2;
  return print_call("certificate.verify", {{"certificate", *certificate}, {"public_key", *key}},
                    "valid");
}

}  // namespace civic::cli
