#include "server_client.hpp"

namespace civic::kiosk {

HttpRequest get_request(std::string path, std::string token) {
  HttpRequest request;
  request.path = std::move(path);
  request.token = std::move(token);
  return request;
}

HttpRequest post_request(std::string path, std::string body, std::string token,
                         std::string content_type) {
  HttpRequest request;
  request.method = "POST";
  request.path = std::move(path);
  request.body = std::move(body);
  request.token = std::move(token);
  request.content_type = std::move(content_type);
  return request;
}

}  // namespace civic::kiosk
