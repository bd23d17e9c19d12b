// kiosk/model/server_client.hpp — the one way the kiosk talks to civic-server.
//
// Natively it is cpp-httplib (net/httplib_client.cpp), in the browser Emscripten's fetch
// (net/fetch_client.cpp); the models see only this interface. A request is answered
// through its callback: at once natively, later in the browser, always on the UI thread
// (the browser calls back from its event loop; the native client answers inside send()).
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace civic::kiosk {

struct HttpRequest {
  std::string method = "GET";  // GET or POST
  std::string path;            // "/api/v1/operator/queue?limit=500"
  std::string body;
  std::string content_type = "application/json";
  std::string token;              // the operator's bearer token, or empty
  std::string idempotency_key;    // a submission's idempotency_id, or empty
  std::string signature_request;  // the Signature-Request header ("at-desk"), or empty
};

struct HttpResponse {
  int status = 0;     // 0: the server was not reached (`error` says why)
  std::string body;   // JSON (a problem+json document on 4xx/5xx)
  std::string error;  // transport failure, in English, for the operator's log line
};

HttpRequest get_request(std::string path, std::string token = "");
HttpRequest post_request(std::string path, std::string body, std::string token = "",
                         std::string content_type = "application/json");

using ResponseHandler = std::function<void(const HttpResponse&)>;

class ServerClient {
 public:
  virtual ~ServerClient() = default;
  virtual void send(HttpRequest request, ResponseHandler done) = 0;
};

// The client for `base_url` ("http://127.0.0.1:8080"; in the browser "" means the page's
// own origin), built by whichever net/ implementation this build links.
std::unique_ptr<ServerClient> make_server_client(const std::string& base_url);

}  // namespace civic::kiosk
