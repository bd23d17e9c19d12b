// request_head.hpp — an HTTP/1.1 request head, parsed strictly (RFC 9112), before httplib
// sees anything.
//
//   auto parsed = parse_head(head_text, limits);   // the bytes before the blank line
//   if (auto* refusal = std::get_if<Refusal>(&parsed)) { /* answer refusal->status, close */ }
//   const RequestHead& head = std::get<RequestHead>(parsed);
//
// Refused (and the connection closed after the answer), per RFC 9112 §3, §5 and §6.3:
// a malformed request line or header line, whitespace before a header's colon, obsolete
// line folding, control characters in a value, a version other than HTTP/1.0 or 1.1 (505),
// Content-Length that is not digits or differs between copies, Transfer-Encoding together
// with Content-Length, any transfer coding but a single "chunked" (501), chunked in
// HTTP/1.0, more than `max_headers` header lines (431) and targets over `max_target` (414).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace civic::server::http {

struct HttpLimits {
  std::size_t max_head = 16 * 1024;  // request line + header lines, bytes (431 past it)
  std::size_t max_headers = 64;      // header lines (431 past it)
  std::size_t max_target = 8192;     // request-target bytes (414 past it)
  std::size_t max_body = 1 << 20;    // body bytes after de-chunking, any framing (413)
  std::chrono::milliseconds head_timeout{10000};  // the whole head, from its first byte (408)
  std::chrono::milliseconds body_timeout{30000};  // the whole body, after the head (408)
  std::chrono::milliseconds idle_timeout{5000};   // waiting for a keep-alive request (close)
  std::chrono::milliseconds write_timeout{10000};
  int max_connections = 256;  // open at once; past it 503 + Retry-After
  int max_handling = 64;      // requests in handlers at once; the others wait their turn
  int max_requests = 1000;    // per connection, then it closes
};

// Why a request is refused: an HTTP status and a stable code ("http.header_too_large").
struct Refusal {
  int status;
  const char* code;
};

struct RequestHead {
  std::string method;
  std::string target;
  std::string version;                                       // "HTTP/1.1" or "HTTP/1.0"
  std::vector<std::pair<std::string, std::string>> headers;  // without the framing ones
  enum class Body { none, length, chunked } body = Body::none;
  std::size_t length = 0;        // when Body::length
  bool close = false;            // the connection ends after the answer
  bool expect_continue = false;  // "Expect: 100-continue"
};

std::variant<RequestHead, Refusal> parse_head(std::string_view head, const HttpLimits& limits);

// The head as httplib reads it: the request line, the headers received (framing ones
// removed) and one "Content-Length: body_length", ending with the blank line.
std::string normalized_head(const RequestHead& head, std::size_t body_length);

}  // namespace civic::server::http
