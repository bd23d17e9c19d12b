#include "elections/sms_gateway.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "problem.hpp"

namespace civic::server {

Result<Unit> FileSmsGateway::send(const SmsMessage& message) {
  const std::string line = nlohmann::ordered_json{{"phone", message.phone},
                                                  {"code", message.code},
                                                  {"election", message.election},
                                                  {"request", message.request}}
                               .dump() +
                           "\n";
  const std::lock_guard lock(mutex_);
  std::ofstream out(file_, std::ios::app);
  out << line;
  out.flush();
  if (!out) {
    return server_error("vote.sms.failed", "", "Кодът не можа да бъде изпратен; опитайте отново",
                        "The code could not be sent; please try again");
  }
  return Unit{};
}

}  // namespace civic::server
