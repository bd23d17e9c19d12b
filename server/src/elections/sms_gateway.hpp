// sms_gateway.hpp — how one-time codes reach a voter's phone.
//
// SmsGateway is the seam for a real provider. An adapter must:
//   - deliver `text` to `phone` (E.164) and return only once the provider accepted it
//     (an Error otherwise: the voter is told to try again and no code is left usable);
//   - time out within a few seconds (the request thread waits for it);
//   - never log the code or the text, and log the phone only as needed for billing;
//   - be safe to call from several request threads at once.
// FileSmsGateway is the development gateway: one JSON line per message,
// {"phone", "code", "election", "request"}, appended to a file that tests and demos read.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>

#include "civic/result.hpp"

namespace civic::server {

struct SmsMessage {
  std::string phone;  // E.164
  std::string text;   // what the voter reads
  std::string code;   // the code inside `text` (the development gateway records it)
  std::string election;
  std::string request;
};

class SmsGateway {
 public:
  virtual ~SmsGateway() = default;
  virtual Result<Unit> send(const SmsMessage& message) = 0;
};

class FileSmsGateway final : public SmsGateway {
 public:
  explicit FileSmsGateway(std::filesystem::path file) : file_(std::move(file)) {}
  Result<Unit> send(const SmsMessage& message) override;

 private:
  std::filesystem::path file_;
  std::mutex mutex_;
};

}  // namespace civic::server
