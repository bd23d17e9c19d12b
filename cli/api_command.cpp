#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "civic/api.hpp"
#include "commands.hpp"

namespace civic::cli {

// civic api FUNCTION (JSON | -): one call of the JSON API, as the wasm module makes it.
int api_command(const Args& args) {
  constexpr const char* kUsage = "civic api FUNCTION (JSON | -)";
  if (args.size() != 2) return usage_error(kUsage);
  std::string input = args[1];
  if (input == "-") input.assign(std::istreambuf_iterator<char>(std::cin), {});
  const std::string out = api::call(args[0], input);
  std::printf("%s\n", out.c_str());
  return out.rfind("{\"error\":", 0) == 0 ? 1 : 0;
}

}  // namespace civic::cli
