// The browser ServerClient: Emscripten's fetch, asynchronous; the answer arrives later
// from the browser's event loop, on the same (only) thread.
#include <emscripten/fetch.h>

#include <cstring>
#include <utility>

#include "server_client.hpp"

namespace civic::kiosk {
namespace {

struct Pending {
  ResponseHandler done;
  std::string body;
  std::string authorization;
  std::string idempotency_key;
};

void finish(emscripten_fetch_t* fetch) {
  auto* pending = static_cast<Pending*>(fetch->userData);
  HttpResponse response;
  response.status = fetch->status;
  response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
  if (fetch->status == 0) response.error = "the server could not be reached";
  emscripten_fetch_close(fetch);
  pending->done(response);
  delete pending;
}

class FetchClient final : public ServerClient {
 public:
  explicit FetchClient(std::string base_url) : base_url_(std::move(base_url)) {}

  void send(HttpRequest request, ResponseHandler done) override {
    auto* pending = new Pending{std::move(done), std::move(request.body), "",
                                std::move(request.idempotency_key)};
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = finish;
    attr.onerror = finish;
    attr.userData = pending;
    const char* headers[9] = {"Content-Type", request.content_type.c_str()};
    size_t count = 2;
    if (!request.token.empty()) {
      pending->authorization = "Bearer " + request.token;
      headers[count++] = "Authorization";
      headers[count++] = pending->authorization.c_str();
    }
    if (!pending->idempotency_key.empty()) {
      headers[count++] = "Idempotency-Key";
      headers[count++] = pending->idempotency_key.c_str();
    }
    if (!request.signature_request.empty()) {
      headers[count++] = "Signature-Request";
      headers[count++] = request.signature_request.c_str();
    }
    attr.requestHeaders = headers;
    if (request.method == "POST") {
      attr.requestData = pending->body.data();
      attr.requestDataSize = pending->body.size();
    }
    const std::string url = base_url_ + request.path;
    emscripten_fetch(&attr, url.c_str());
  }

 private:
  std::string base_url_;
};

}  // namespace

std::unique_ptr<ServerClient> make_server_client(const std::string& base_url) {
  return std::make_unique<FetchClient>(base_url);
}

}  // namespace civic::kiosk
