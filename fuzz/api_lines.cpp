// The native half of the differential fuzz (differential.mjs): one JSON API call per input
// line, `["FUNCTION", "INPUT TEXT"]`, each answered by api::call on a line of its own, so that
// thousands of calls cost one process. A line that is not such a pair stops the run (exit 2).
//   civic_api_lines < calls.jsonl > answers.txt
#include <cstdio>
#include <iostream>
#include <string>

#include "civic/api.hpp"

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto call = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!call.is_array() || call.size() != 2 || !call[0].is_string() || !call[1].is_string()) {
      std::fprintf(stderr, "civic_api_lines: expected [\"FUNCTION\", \"INPUT\"], got: %s\n",
                   line.c_str());
      return 2;
    }
    const std::string answer = civic::api::call(call[0].get_ref<const std::string&>(),
                                                call[1].get_ref<const std::string&>());
    std::fwrite(answer.data(), 1, answer.size(), stdout);
    std::fputc('\n', stdout);
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}
