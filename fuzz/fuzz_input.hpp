// What the fuzz targets share: the input bytes as JSON, and the checks that turn a broken
// promise into a finding (an abort libFuzzer reports and the corpus replay fails on).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "civic/api.hpp"

namespace civic::fuzz {

using Json = nlohmann::ordered_json;

// `data` parsed as JSON; nullopt when it is not JSON.
inline std::optional<Json> parse(const std::uint8_t* data, std::size_t size) {
  Json json = Json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return std::nullopt;
  return json;
}

// Aborts with `what` on stderr unless `holds`.
inline void require(bool holds, std::string_view what) {
  if (holds) return;
  std::fprintf(stderr, "civic fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

// Aborts unless `answer` (an api::call output) is a JSON object and not api.internal: an
// exception escaped `function`, which in wasm would have aborted the module.
inline void require_answer(std::string_view function, const std::string& answer) {
  const Json parsed = Json::parse(answer, nullptr, /*allow_exceptions=*/false);
  require(parsed.is_object(), std::string(function) + " answered no JSON object: " + answer);
  const auto error = parsed.find("error");
  const bool internal = error != parsed.end() && error->is_object() && error->contains("code") &&
                        (*error)["code"] == "api.internal";
  require(!internal, std::string(function) + " let an exception out: " + answer);
}

// api::call(function, fixed + {member: value}), checked by require_answer.
inline void call_with(std::string_view function, Json fixed, const char* member, Json value) {
  fixed[member] = std::move(value);
  require_answer(function, api::call(function, api::dump(fixed)));
}

}  // namespace civic::fuzz
