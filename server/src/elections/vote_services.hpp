// vote_services.hpp — what the "Sofia Chooses" routes share, made once at start (App::vote).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>

#include "config.hpp"
#include "elections/election.hpp"
#include "elections/sms_gateway.hpp"
#include "elections/vote_storage.hpp"

namespace civic::server {

struct VoteServices {
  VoteStorage store;
  std::unique_ptr<SmsGateway> sms;
  // Unix seconds: the system clock, or Config::clock_file's number so that tests move time
  // (code expiry, rate-limit windows) without sleeping.
  std::function<std::int64_t()> now;
  std::array<std::uint8_t, 32> voter_key{};  // Keys::voter_key
  elections::ElectionCache cache;
};

// The development gateway on Config::sms_outbox and the configured clock.
std::unique_ptr<VoteServices> make_vote_services(Storage& storage, const Config& config,
                                                 const std::array<std::uint8_t, 32>& voter_key);

}  // namespace civic::server
