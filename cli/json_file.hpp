// Reading JSON documents named on the command line (the core itself never touches files).
#pragma once

#include <optional>
#include <string>

#include "civic/api.hpp"

namespace civic::cli {

// The JSON document in `path`, read strictly (civic/strict_json.hpp), or nothing when it
// cannot be read or parsed (a one-line reason is then printed to stderr).
std::optional<api::Json> read_json_document(const std::string& path);

// The bundle of the profile folder `folder` (civic/io/profile_dir.hpp), or nothing when it
// cannot be assembled ({"ok": false, "errors": [...]} is then printed on stdout).
std::optional<api::Json> read_profile_bundle(const std::string& folder);

// Runs `function` of the JSON API and prints its output on one line; returns 0 when
// output[`verdict`] is true, 1 otherwise (a refusal, or an {"error": ...}).
int print_call(const char* function, const api::Json& request, const char* verdict);

}  // namespace civic::cli
