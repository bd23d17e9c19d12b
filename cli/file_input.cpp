#include "file_input.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace civic::cli {

std::optional<std::string> read_input(const std::string& path) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "civic: cannot open %s: %s\n", path.c_str(), std::strerror(errno));
    return std::nullopt;
  }
  std::string content;
  char buffer[1 << 16];
  for (size_t got; (got = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
    content.append(buffer, got);
  }
  const bool failed = std::ferror(file) != 0;
  if (file != stdin) std::fclose(file);
  if (failed) {
    std::fprintf(stderr, "civic: cannot read %s\n", path.c_str());
    return std::nullopt;
  }
  return content;
}

}  // namespace civic::cli
