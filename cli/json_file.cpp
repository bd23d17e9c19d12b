#include "json_file.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>

#include "civic/io/profile_dir.hpp"

namespace civic::cli {

std::optional<api::Json> read_json_document(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "civic: cannot open %s\n", path.c_str());
    return std::nullopt;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  api::Json json = api::Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    std::fprintf(stderr, "civic: %s is not valid JSON\n", path.c_str());
    return std::nullopt;
  }
  return json;
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
