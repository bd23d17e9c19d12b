// kiosk/tests/fake_server.hpp — a ServerClient that answers from a table, for model tests
// without a network: "GET /path" → a response (or a function of the request), and records
// every request it was sent.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "server_client.hpp"

namespace civic::kiosk::testing {

class FakeServer final : public ServerClient {
 public:
  using Answer = std::function<HttpResponse(const HttpRequest&)>;

  void on(const std::string& method_and_path, HttpResponse response) {
    answers_[method_and_path] = [response](const HttpRequest&) { return response; };
  }
  void on(const std::string& method_and_path, Answer answer) {
    answers_[method_and_path] = std::move(answer);
  }

  void send(HttpRequest request, ResponseHandler done) override {
    sent.push_back(request);
    const auto found = answers_.find(request.method + " " + request.path);
    done(found == answers_.end() ? HttpResponse{404, "{}", ""} : found->second(request));
  }

  std::vector<HttpRequest> sent;

 private:
  std::map<std::string, Answer> answers_;
};

inline HttpResponse problem(int status, const std::string& code, const std::string& bg,
                            const std::string& en) {
  return {status,
          R"({"type":"about:blank","status":)" + std::to_string(status) +
              R"(,"errors":[{"code":")" + code + R"(","path":"","message":{"bg":")" + bg +
              R"(","en":")" + en + R"("}}]})",
          ""};
}

}  // namespace civic::kiosk::testing
