// connection_io.hpp — one client connection's bytes, read and written under deadlines
// (internal to StrictServer).
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <string>

#include "http/request_head.hpp"

namespace civic::server::http {

using Clock = std::chrono::steady_clock;

// Sends everything before `deadline`; false when the peer is gone or too slow.
bool send_all(socket_t sock, std::string_view data, Clock::time_point deadline);

// Half-closes, then reads and drops what the client still sends (at most 2 s, 16 MiB),
// so that it reads the answer instead of a reset; then closes.
void lingering_close(socket_t sock);

// One request read off a connection.
struct IncomingRequest {
  enum class Kind { ok, closed, refused } kind = Kind::closed;
  int status = 0;      // when refused
  std::string text;    // when ok: the normalised head and the body, for httplib
  bool close = false;  // when ok: the client asked to close after the answer
};

class ConnectionReader {
 public:
  ConnectionReader(socket_t sock, const HttpLimits& limits, std::function<bool()> running)
      : sock_(sock), limits_(limits), running_(std::move(running)) {}

  // The next request: `first` waits up to the head timeout for it to start, later ones the
  // idle timeout. closed: the client left or stayed silent (nothing to answer).
  IncomingRequest next(bool first);

 private:
  enum class Fill { more, eof, timeout };
  Fill fill(Clock::time_point deadline);
  // A CRLF-terminated line of at most `max` bytes (without its CRLF) taken off the buffer.
  IncomingRequest read_line(std::string& line, std::size_t max, Clock::time_point deadline);
  IncomingRequest read_chunked(std::string& body, Clock::time_point deadline);

  socket_t sock_;
  const HttpLimits& limits_;
  std::function<bool()> running_;
  std::string buffer_;  // read, not yet used: the start of the next (pipelined) request
};

}  // namespace civic::server::http
