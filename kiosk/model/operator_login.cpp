#include "operator_login.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "problem.hpp"

namespace civic::kiosk {

void OperatorLogin::sign_in(const std::string& username, std::string& password,
                            std::function<void()> on_signed_in) {
  HttpRequest request =
      post_request("/api/v1/operator/login",
                   nlohmann::json{{"username", username}, {"password", password}}.dump());
  std::fill(password.begin(), password.end(), '\0');
  password.clear();
  busy_ = true;
  server_.send(std::move(request), [this, on_signed_in = std::move(on_signed_in)](
                                       const HttpResponse& response) {
    busy_ = false;
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (response.status == 200 && body.is_object() && body.value("token", "") != "") {
      account_ = {body.value("username", ""), body.value("role", ""),
                  body.value("districts", std::vector<std::string>{}), body.value("token", "")};
      message_ = {};
      failures_ = 0;
      on_signed_in();
      return;
    }
    if (problem_code(response) == "operator.bad_credentials") ++failures_;
    message_ = problem_message(response);
  });
}

void OperatorLogin::sign_out() {
  if (!signed_in()) return;
  server_.send(post_request("/api/v1/operator/logout", "", account_.token),
               [](const HttpResponse&) {});
  account_ = {};
}

}  // namespace civic::kiosk
