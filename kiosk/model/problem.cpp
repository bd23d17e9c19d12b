#include "problem.hpp"

#include <nlohmann/json.hpp>

namespace civic::kiosk {
namespace {

nlohmann::json first_error(const HttpResponse& response) {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array() ||
      body["errors"].empty() || !body["errors"][0].is_object()) {
    return nlohmann::json::object();
  }
  return body["errors"][0];
}

}  // namespace

Message problem_message(const HttpResponse& response) {
  if (response.status == 0) {
    return {"Сървърът не отговаря; проверете връзката",
            "The server does not answer; check the network"};
  }
  const auto error = first_error(response);
  const auto message = error.value("message", nlohmann::json::object());
  if (message.is_object() && message.value("bg", "") != "") {
    return {message.value("bg", ""), message.value("en", "")};
  }
  return {"Сървърът отказа заявката (" + std::to_string(response.status) + ")",
          "The server refused the request (" + std::to_string(response.status) + ")"};
}

std::string problem_code(const HttpResponse& response) {
  const auto error = first_error(response);
  const auto code = error.value("code", nlohmann::json());
  return code.is_string() ? code.get<std::string>() : "";
}

}  // namespace civic::kiosk
