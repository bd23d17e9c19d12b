// Reading the CLI's input files (the core itself never touches files).
#pragma once

#include <optional>
#include <string>

namespace civic::cli {

// The whole content of `path` ("-" = standard input), or nothing when it cannot be read
// (a one-line reason is then printed to stderr).
std::optional<std::string> read_input(const std::string& path);

}  // namespace civic::cli
