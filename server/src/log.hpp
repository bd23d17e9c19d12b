// log.hpp — structured logs: one JSON object per line on stderr.
//
// Callers pass only what is safe to keep: never answers, names, personal numbers, tokens
// or passwords (ids, codes, statuses and timings are fine).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace civic::server {

// {"ts","level","event",...fields}
void log_event(std::string_view level, std::string_view event,
               const nlohmann::ordered_json& fields = nlohmann::ordered_json::object());

}  // namespace civic::server
