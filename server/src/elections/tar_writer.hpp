// tar_writer.hpp — a POSIX ustar archive of regular files, in memory (the board download).
#pragma once

#include <string>

namespace civic::server::elections {

class TarWriter {
 public:
  // Appends `path` (at most 99 bytes) holding `content`, mode 0644, mtime `mtime`.
  void add(const std::string& path, const std::string& content, long long mtime);
  // The archive, ended by its two zero blocks.
  std::string finish();

 private:
  std::string out_;
};

}  // namespace civic::server::elections
