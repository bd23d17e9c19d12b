// civic/json_text.hpp — writing a JSON value as compact text.
//
//   civic::json_text(Json{{"a", 1.5}})  // {"a":1.5}
//
// The same text as nlohmann's value.dump(-1, ' ', false, error_handler_t::replace): members in
// their order, no whitespace, only ", \ and control characters escaped, a byte that is not
// part of valid UTF-8 (or an unfinished sequence) written as U+FFFD, a float as nlohmann
// writes it ("1.0", "1e+100", "null" for NaN and infinities). Without the C library's
// snprintf, which would bring its long double code into the wasm module.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace civic {

std::string json_text(const nlohmann::ordered_json& value);

// The same text appended to `out`: for writers that put values together without building a
// tree first (forms::to_json_text).
void append_json_text(std::string& out, const nlohmann::ordered_json& value);
// `text` as a JSON string, quotes included, appended to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace civic
