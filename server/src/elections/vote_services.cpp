#include "elections/vote_services.hpp"

#include <fstream>

#include "random.hpp"

namespace civic::server {

namespace {

// The number in `file`; the system clock when the file is missing or holds no number.
std::int64_t file_clock(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::int64_t seconds = 0;
  if (in >> seconds) return seconds;
  return unix_now();
}

}  // namespace

std::unique_ptr<VoteServices> make_vote_services(Storage& storage, const Config& config,
                                                 const std::array<std::uint8_t, 32>& voter_key) {
  std::unique_ptr<VoteServices> services(
      new VoteServices{VoteStorage(storage),
                       std::make_unique<FileSmsGateway>(config.sms_outbox),
                       unix_now,
                       voter_key,
                       {}});
  if (config.clock_file) {
    services->now = [file = *config.clock_file] { return file_clock(file); };
  }
  return services;
}

}  // namespace civic::server
