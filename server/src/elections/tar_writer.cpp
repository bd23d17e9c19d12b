#include "elections/tar_writer.hpp"

#include <array>
#include <cstdio>
#include <cstring>

namespace civic::server::elections {

namespace {

constexpr std::size_t kBlock = 512;

// `value` in octal, zero-padded to width - 1 digits and a NUL.
void octal(char* field, std::size_t width, unsigned long long value) {
  std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1), value);
}

}  // namespace

void TarWriter::add(const std::string& path, const std::string& content, long long mtime) {
  std::array<char, kBlock> header{};
  std::memcpy(header.data(), path.data(), std::min<std::size_t>(path.size(), 99));
  octal(&header[100], 8, 0644);
  octal(&header[108], 8, 0);
  octal(&header[116], 8, 0);
  octal(&header[124], 12, content.size());
  octal(&header[136], 12, static_cast<unsigned long long>(mtime));
  std::memset(&header[148], ' ', 8);  // the checksum counts its own field as spaces
  header[156] = '0';
  std::memcpy(&header[257], "ustar", 6);
  std::memcpy(&header[263], "00", 2);
  unsigned checksum = 0;
  for (const char c : header) checksum += static_cast<unsigned char>(c);
  std::snprintf(&header[148], 8, "%06o", checksum);
  out_.append(header.data(), header.size());
  out_ += content;
  out_.append((kBlock - content.size() % kBlock) % kBlock, '\0');
}

std::string TarWriter::finish() {
  out_.append(2 * kBlock, '\0');
  return std::move(out_);
}

}  // namespace civic::server::elections
