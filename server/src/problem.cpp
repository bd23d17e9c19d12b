#include "problem.hpp"

#include "civic/api.hpp"

namespace civic::server {

namespace {

const char* title_of(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 423: return "Locked";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

}  // namespace

void send_problem(httplib::Response& response, int status, const std::string& type,
                  const std::string& detail, const std::vector<Error>& errors,
                  const nlohmann::ordered_json& extra) {
  nlohmann::ordered_json body{
      {"type", type.empty() ? "about:blank" : "https://civickit.example/problems/" + type},
      {"title", title_of(status)},
      {"status", status},
      {"detail", detail},
      {"errors", nlohmann::ordered_json::array()}};
  for (const auto& error : errors) body["errors"].push_back(api::error_to_json(error));
  for (const auto& member : extra.items()) body[member.key()] = member.value();
  response.status = status;
  response.set_content(api::dump(body), "application/problem+json");
}

void send_storage_unavailable(httplib::Response& response, const std::string& detail,
                              const std::vector<Error>& errors) {
  response.set_header("Retry-After", "1");
  send_problem(response, 503, "storage-unavailable", detail, errors);
}

void send_json(httplib::Response& response, int status, const nlohmann::ordered_json& body) {
  response.status = status;
  response.set_content(api::dump(body), "application/json");
}

Error server_error(std::string code, std::string path, std::string bg, std::string en) {
  return Error{std::move(code), std::move(path), {std::move(bg), std::move(en)}, {}};
}

}  // namespace civic::server
