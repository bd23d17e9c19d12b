#include "json_file.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>

#include "civic/io/profile_dir.hpp"
#include "civic/strict_json.hpp"

namespace civic::cli {

std::optional<api::Json> read_json_document(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "civic: cannot open %s\n", path.c_str());
    return std::nullopt;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  // Strict, as civic::api::call reads its requests: no BOM, no repeated member names.
  auto json = parse_strict_json(text);
  if (!json) {
    std::fprintf(stderr, "civic: %s is not strict JSON: %s at \"%s\"\n", path.c_str(),
                 json.error().code.c_str(), json.error().path.c_str());
    return std::nullopt;
  }
  return std::move(json).value();
}

std::optional<api::Json> read_profile_bundle(const std::string& folder) {
  auto bundle = io::read_profile_dir(folder);
  if (bundle) return std::move(bundle).value();
  std::printf("%s\n",
              api::dump(api::Json{{"ok", false}, {"errors", {api::error_to_json(bundle.error())}}})
                  .c_str());
  return std::nullopt;
}

int print_call(const char* function, const api::Json& request, const char* verdict) {
  const api::Json output = api::call_json(function, request);
  std::printf("%s\n", api::dump(output).c_str());
  const auto found = output.find(verdict);
  return found != output.end() && found->is_boolean() && found->get<bool>() ? 0 : 1;
}

}  // namespace civic::cli
