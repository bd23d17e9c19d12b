// civic envelope keygen|seal|open|hash — submission envelopes (docs/envelope.md).
#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "civic/api.hpp"
#include "commands.hpp"
#include "file_input.hpp"

namespace civic::cli {

namespace {

constexpr const char* kUsage =
    "civic envelope (keygen --secret-key-file FILE"
    " | seal --key PUBLIC_HEX --created-at YYYY-MM-DDTHH:MM:SSZ [--seed HEX] DRAFT.json"
    " | open --secret-key-file FILE ENVELOPE.json | hash ENVELOPE.json)";

// "--name value" options and at most one positional argument.
struct Parsed {
  std::map<std::string, std::string> options;
  std::optional<std::string> file;
};

std::optional<Parsed> parse(const Args& args) {
  Parsed parsed;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i].rfind("--", 0) == 0 && i + 1 < args.size()) {
      parsed.options[args[i].substr(2)] = args[i + 1];
      ++i;
    } else if (!parsed.file) {
      parsed.file = args[i];
    } else {
      return std::nullopt;
    }
  }
  return parsed;
}

std::string random_hex32() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  sodium_memzero(bytes, sizeof bytes);
  return hex;
}

std::optional<api::Json> read_json(const std::string& path) {
  auto text = read_input(path);
  if (!text) return std::nullopt;
  api::Json json = api::Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    std::fprintf(stderr, "civic: %s is not valid JSON\n", path.c_str());
    return std::nullopt;
  }
  return json;
}

// Prints the API's answer; exit 1 when it is an error.
int print(const api::Json& out) {
  std::printf("%s\n", api::dump(out).c_str());
  return out.contains("error") ? 1 : 0;
}

int keygen(const Parsed& parsed) {
  const auto path = parsed.options.find("secret-key-file");
  if (path == parsed.options.end() || parsed.file) return usage_error(kUsage);
  const std::string seed = random_hex32();
  const api::Json pair = api::call_json("envelope.keypair", {{"seed", seed}});
  const mode_t previous = umask(077);
  std::FILE* file = std::fopen(path->second.c_str(), "wx");
  umask(previous);
  if (file == nullptr) {
    std::fprintf(stderr, "civic: cannot create %s (it must not exist yet)\n", path->second.c_str());
    return 1;
  }
  std::fprintf(file, "%s\n", pair["secret_key"].get<std::string>().c_str());
  std::fclose(file);
  std::printf("%s\n", pair["public_key"].get<std::string>().c_str());
  return 0;
}

int seal(const Parsed& parsed) {
  const auto key = parsed.options.find("key");
  const auto created_at = parsed.options.find("created-at");
  if (key == parsed.options.end() || created_at == parsed.options.end() || !parsed.file) {
    return usage_error(kUsage);
  }
  auto draft = read_json(*parsed.file);
  if (!draft) return 1;
  if (!draft->is_object()) return print(api::call_json("envelope.seal", *draft));
  const auto seed = parsed.options.find("seed");
  (*draft)["public_key"] = key->second;
  (*draft)["created_at"] = created_at->second;
  (*draft)["seed"] = seed != parsed.options.end() ? seed->second : random_hex32();
  const api::Json out = api::call_json("envelope.seal", *draft);
  return print(out.contains("envelope") ? out["envelope"] : out);
}

int open(const Parsed& parsed) {
  const auto key_path = parsed.options.find("secret-key-file");
  if (key_path == parsed.options.end() || !parsed.file) return usage_error(kUsage);
  auto secret = read_input(key_path->second);
  if (!secret) return 1;
  while (!secret->empty() && (secret->back() == '\n' || secret->back() == '\r')) secret->pop_back();
  auto envelope = read_json(*parsed.file);
  if (!envelope) return 1;
  const int exit_code =
      print(api::call_json("envelope.open", {{"envelope", *envelope}, {"secret_key", *secret}}));
  sodium_memzero(secret->data(), secret->size());
  return exit_code;
}

int hash(const Parsed& parsed) {
  if (!parsed.file || !parsed.options.empty()) return usage_error(kUsage);
  auto envelope = read_json(*parsed.file);
  if (!envelope) return 1;
  const api::Json out = api::call_json("envelope.hash", {{"envelope", *envelope}});
  print(out);
  return out.value("valid", false) ? 0 : 1;
}

}  // namespace

int envelope_command(const Args& args) {
  if (args.empty()) return usage_error(kUsage);
  const auto parsed = parse(args);
  if (!parsed) return usage_error(kUsage);
  if (sodium_init() < 0) return 1;
  if (args[0] == "keygen") return keygen(*parsed);
  if (args[0] == "seal") return seal(*parsed);
  if (args[0] == "open") return open(*parsed);
  if (args[0] == "hash") return hash(*parsed);
  return usage_error(kUsage);
}

}  // namespace civic::cli
