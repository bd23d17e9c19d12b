// Fuzz target: the JSON API as a whole. Input: a function name, a newline, the input JSON text
// (any bytes). Every answer must be a JSON object and never api.internal.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = bytes.find('\n');
  if (newline == std::string_view::npos) return 0;
  const std::string_view function = bytes.substr(0, newline);
  civic::fuzz::require_answer(function, civic::api::call(function, bytes.substr(newline + 1)));
  return 0;
}
