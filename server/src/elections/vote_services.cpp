#include "elections/vote_services.hpp"

#include "clock.hpp"

namespace civic::server {

std::unique_ptr<VoteServices> make_vote_services(Storage& storage, const Config& config,
                                                 const std::array<std::uint8_t, 32>& voter_key) {
  std::unique_ptr<VoteServices> services(
      new VoteServices{VoteStorage(storage),
                       std::make_unique<FileSmsGateway>(config.sms_outbox),
                       make_clock(config),
                       voter_key,
                       {}});
  return services;
}

}  // namespace civic::server
