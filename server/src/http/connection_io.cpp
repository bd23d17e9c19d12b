#include "http/connection_io.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace civic::server::http {

namespace {

constexpr auto kSlice = std::chrono::milliseconds(200);  // how often a wait looks at stop()

int poll_for(socket_t sock, short events, Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) return 0;
  pollfd fd{sock, events, 0};
  return ::poll(&fd, 1, static_cast<int>(std::min(left, kSlice).count()));
}

IncomingRequest refused(int status) { return {IncomingRequest::Kind::refused, status, {}}; }

IncomingRequest closed() { return {IncomingRequest::Kind::closed, 0, {}}; }

IncomingRequest ok() { return {IncomingRequest::Kind::ok, 0, {}}; }

}  // namespace

bool send_all(socket_t sock, std::string_view data, Clock::time_point deadline) {
  while (!data.empty()) {
    const ssize_t sent = ::send(sock, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent > 0) {
      data.remove_prefix(static_cast<std::size_t>(sent));
    } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      if (Clock::now() >= deadline) return false;
      if (poll_for(sock, POLLOUT, deadline) < 0 && errno != EINTR) return false;
    } else {
      return false;
    }
  }
  return true;
}

void lingering_close(socket_t sock) {
  ::shutdown(sock, SHUT_WR);
  const auto deadline = Clock::now() + std::chrono::seconds(2);
  std::array<char, 16384> scratch{};
  std::size_t drained = 0;
  while (drained < (16U << 20) && Clock::now() < deadline) {
    if (poll_for(sock, POLLIN, deadline) <= 0) continue;
    const ssize_t got = ::recv(sock, scratch.data(), scratch.size(), MSG_DONTWAIT);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) break;
    if (got > 0) drained += static_cast<std::size_t>(got);
  }
  ::close(sock);
}

ConnectionReader::Fill ConnectionReader::fill(Clock::time_point deadline) {
  std::array<char, 16384> chunk{};
  while (running_()) {
    if (Clock::now() >= deadline) return Fill::timeout;
    const int ready = poll_for(sock_, POLLIN, deadline);
    if (ready < 0 && errno != EINTR) return Fill::eof;
    if (ready <= 0) continue;
    const ssize_t got = ::recv(sock_, chunk.data(), chunk.size(), MSG_DONTWAIT);
    if (got > 0) {
      buffer_.append(chunk.data(), static_cast<std::size_t>(got));
      return Fill::more;
    }
    if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return Fill::eof;
  }
  return Fill::eof;
}

IncomingRequest ConnectionReader::read_line(std::string& line, std::size_t max,
                                            Clock::time_point deadline) {
  for (;;) {
    const std::size_t end = buffer_.find("\r\n");
    if (end != std::string::npos && end <= max) {
      line = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      return ok();
    }
    if (end != std::string::npos || buffer_.size() > max + 1) return refused(400);
    const Fill filled = fill(deadline);
    if (filled == Fill::timeout) return refused(408);
    if (filled == Fill::eof) return closed();
  }
}

IncomingRequest ConnectionReader::read_chunked(std::string& body, Clock::time_point deadline) {
  std::string line;
  for (;;) {
    if (auto read = read_line(line, 1024, deadline); read.kind != IncomingRequest::Kind::ok) {
      return read;
    }
    const std::string size_text = line.substr(0, line.find(';'));  // chunk extensions ignored
    if (size_text.empty() || size_text.size() > 8 ||
        size_text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
      return refused(400);
    }
    const std::size_t size = std::stoul(size_text, nullptr, 16);
    if (size == 0) break;
    if (body.size() + size > limits_.max_body) return refused(413);
    while (buffer_.size() < size + 2) {
      const Fill filled = fill(deadline);
      if (filled == Fill::timeout) return refused(408);
      if (filled == Fill::eof) return closed();
    }
    if (buffer_.compare(size, 2, "\r\n") != 0) return refused(400);
    body.append(buffer_, 0, size);
    buffer_.erase(0, size + 2);
  }
  // Trailer fields: read within the header limits, then dropped.
  for (std::size_t count = 0;; ++count) {
    if (count > limits_.max_headers) return refused(431);
    if (auto read = read_line(line, limits_.max_head, deadline);
        read.kind != IncomingRequest::Kind::ok) {
      return read;
    }
    if (line.empty()) return ok();
  }
}

IncomingRequest ConnectionReader::next(bool first) {
  // Waiting for a request to start; empty lines before it are skipped (RFC 9112 §2.2).
  const auto idle_deadline = Clock::now() + (first ? limits_.head_timeout : limits_.idle_timeout);
  for (;;) {
    while (buffer_.rfind("\r\n", 0) == 0) buffer_.erase(0, 2);
    if (!buffer_.empty() && buffer_ != "\r") break;
    if (fill(idle_deadline) != Fill::more) return closed();
  }

  // The head, whole, within its deadline and size.
  const auto head_deadline = Clock::now() + limits_.head_timeout;
  std::size_t head_end = std::string::npos;
  std::size_t scanned = 0;
  for (;;) {
    head_end = buffer_.find("\r\n\r\n", scanned);
    if (head_end != std::string::npos) break;
    scanned = buffer_.size() < 3 ? 0 : buffer_.size() - 3;
    if (buffer_.size() > limits_.max_head) return refused(431);
    const Fill filled = fill(head_deadline);
    if (filled == Fill::timeout) return refused(408);
    if (filled == Fill::eof) return closed();
  }
  if (head_end > limits_.max_head) return refused(431);
  auto parsed = parse_head(std::string_view(buffer_).substr(0, head_end), limits_);
  buffer_.erase(0, head_end + 4);
  if (const auto* refusal = std::get_if<Refusal>(&parsed)) return refused(refusal->status);
  RequestHead& head = std::get<RequestHead>(parsed);

  // The body, whole, within its deadline; de-chunked.
  const auto body_deadline = Clock::now() + limits_.body_timeout;
  if (head.expect_continue && head.body != RequestHead::Body::none &&
      !send_all(sock_, "HTTP/1.1 100 Continue\r\n\r\n", Clock::now() + limits_.write_timeout)) {
    return closed();
  }
  std::string body;
  if (head.body == RequestHead::Body::chunked) {
    if (auto read = read_chunked(body, body_deadline); read.kind != IncomingRequest::Kind::ok) {
      return read;
    }
  } else if (head.body == RequestHead::Body::length) {
    while (buffer_.size() < head.length) {
      const Fill filled = fill(body_deadline);
      if (filled == Fill::timeout) return refused(408);
      if (filled == Fill::eof) return closed();
    }
    body = buffer_.substr(0, head.length);
    buffer_.erase(0, head.length);
  }
  IncomingRequest request = ok();
  request.text = normalized_head(head, body.size()) + body;
  request.close = head.close;
  return request;
}

}  // namespace civic::server::http
