#include "http/request_head.hpp"

#include <algorithm>
#include <cctype>

namespace civic::server::http {

namespace {

bool is_tchar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_tchar);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Field values: visible characters, spaces, tabs and obs-text; no CR, LF, NUL or DEL.
bool is_field_value(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && byte != '\t') || byte == 0x7f;
  });
}

// Each comma-separated member of a list value, trimmed, lower case.
std::vector<std::string> list_members(std::string_view value) {
  std::vector<std::string> members;
  while (true) {
    const std::size_t comma = value.find(',');
    members.push_back(lower(trim(value.substr(0, comma))));
    if (comma == std::string_view::npos) return members;
    value.remove_prefix(comma + 1);
  }
}

constexpr Refusal kBad{400, "http.bad_request"};

}  // namespace

std::variant<RequestHead, Refusal> parse_head(std::string_view head, const HttpLimits& limits) {
  RequestHead parsed;
  const std::size_t line_end = std::min(head.find("\r\n"), head.size());
  const std::string_view line = head.substr(0, line_end);
  const std::size_t first_space = line.find(' ');
  const std::size_t last_space = line.rfind(' ');
  if (first_space == std::string_view::npos || first_space == last_space) return kBad;
  parsed.method = std::string(line.substr(0, first_space));
  parsed.target = std::string(line.substr(first_space + 1, last_space - first_space - 1));
  parsed.version = std::string(line.substr(last_space + 1));
  if (parsed.target.size() > limits.max_target) return Refusal{414, "http.uri_too_long"};
  if (!is_token(parsed.method) || parsed.target.empty() ||
      parsed.target.find_first_of(" \t") != std::string::npos || !is_field_value(parsed.target)) {
    return kBad;
  }
  if (parsed.version.rfind("HTTP/", 0) != 0) return kBad;
  if (parsed.version != "HTTP/1.1" && parsed.version != "HTTP/1.0") {
    return Refusal{505, "http.version"};
  }
  const bool http10 = parsed.version == "HTTP/1.0";

  std::vector<std::string> lengths;
  std::vector<std::string> codings;
  std::vector<std::string> connection;
  std::string_view rest = line_end < head.size() ? head.substr(line_end + 2) : std::string_view();
  std::size_t count = 0;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find("\r\n"), rest.size());
    const std::string_view field = rest.substr(0, end);
    rest = end < rest.size() ? rest.substr(end + 2) : std::string_view();
    if (++count > limits.max_headers) return Refusal{431, "http.header_too_large"};
    // Obsolete line folding, and whitespace between the name and the colon, are refused.
    const std::size_t colon = field.find(':');
    if (colon == std::string_view::npos || !is_token(field.substr(0, colon))) return kBad;
    const std::string name = lower(field.substr(0, colon));
    const std::string_view value = trim(field.substr(colon + 1));
    if (!is_field_value(value)) return kBad;
    if (name == "content-length") {
      for (auto& member : list_members(value)) lengths.push_back(std::move(member));
    } else if (name == "transfer-encoding") {
      for (auto& member : list_members(value)) codings.push_back(std::move(member));
    } else if (name == "expect") {
      parsed.expect_continue = lower(value) == "100-continue";
    } else {
      if (name == "connection") {
        for (auto& member : list_members(value)) connection.push_back(std::move(member));
      }
      parsed.headers.emplace_back(std::string(field.substr(0, colon)), std::string(value));
    }
  }

  const auto has = [&connection](const char* option) {
    return std::find(connection.begin(), connection.end(), option) != connection.end();
  };
  parsed.close = has("close") || (http10 && !has("keep-alive"));
  if (!codings.empty()) {
    // RFC 9112 §6.1: chunked must be the final coding; we accept it alone, and never next
    // to a Content-Length (the request smuggling pattern), nor from an HTTP/1.0 client.
    if (!lengths.empty() || http10) return kBad;
    if (codings.size() != 1 || codings.front() != "chunked") {
      return Refusal{501, "http.transfer_coding"};
    }
    parsed.body = RequestHead::Body::chunked;
    return parsed;
  }
  if (!lengths.empty()) {
    // Every copy the same run of digits (RFC 9112 §6.3, item 5).
    const std::string& first = lengths.front();
    if (first.empty() || first.size() > 18 ||
        first.find_first_not_of("0123456789") != std::string::npos ||
        std::any_of(lengths.begin(), lengths.end(),
                    [&first](const std::string& other) { return other != first; })) {
      return kBad;
    }
    parsed.length = std::stoull(first);
    if (parsed.length > limits.max_body) return Refusal{413, "http.too_large"};
    parsed.body = parsed.length > 0 ? RequestHead::Body::length : RequestHead::Body::none;
  }
  return parsed;
}

std::string normalized_head(const RequestHead& head, std::size_t body_length) {
  std::string text = head.method + " " + head.target + " " + head.version + "\r\n";
  for (const auto& [name, value] : head.headers) text += name + ": " + value + "\r\n";
  text += "Content-Length: " + std::to_string(body_length) + "\r\n\r\n";
  return text;
}

}  // namespace civic::server::http
