// The native ServerClient: cpp-httplib, one blocking exchange per request (a desk
// machine talks to its district's server over a LAN; the answer arrives inside send()).
#include <httplib.h>

#include "server_client.hpp"

namespace civic::kiosk {
namespace {

constexpr time_t kTimeoutSeconds = 10;

class HttplibClient final : public ServerClient {
 public:
  explicit HttplibClient(const std::string& base_url) : client_(base_url) {
    client_.set_connection_timeout(kTimeoutSeconds);
    client_.set_read_timeout(kTimeoutSeconds);
    client_.set_write_timeout(kTimeoutSeconds);
  }

  void send(HttpRequest request, ResponseHandler done) override {
    httplib::Headers headers;
    if (!request.token.empty()) headers.emplace("Authorization", "Bearer " + request.token);
    if (!request.idempotency_key.empty())
      headers.emplace("Idempotency-Key", request.idempotency_key);
    if (!request.signature_request.empty())
      headers.emplace("Signature-Request", request.signature_request);
    const httplib::Result result =
        request.method == "POST"
            ? client_.Post(request.path, headers, request.body, request.content_type)
            : client_.Get(request.path, headers);
    HttpResponse response;
    if (result) {
      response.status = result->status;
      response.body = result->body;
    } else {
      response.error = httplib::to_string(result.error());
    }
    done(response);
  }

 private:
  httplib::Client client_;
};

}  // namespace

std::unique_ptr<ServerClient> make_server_client(const std::string& base_url) {
  return std::make_unique<HttplibClient>(base_url);
}

}  // namespace civic::kiosk
