// strict_server.hpp — httplib::Server behind civic-server's own HTTP/1.1 front end.
//
//   StrictServer server(limits, refuse);   // refuse fills the answer to a refused request
//   server.Get(...);                        // routes, middleware: plain httplib from here on
//   server.listen_after_bind();
//
// httplib 0.11.4 reads a request head and body itself with no bound on header count, no
// deadline for the whole head, no limit on chunked bodies and lenient framing, and it gives
// every connection a pooled thread that waits behind the others. StrictServer overrides its
// per-connection entry point (Server::process_and_close_socket) and its task queue:
//
// - each connection reads its request head and body itself, within HttpLimits (sizes, header
//   count, deadlines for the whole head and the whole body), de-chunks the body, refuses
//   ambiguous framing (request_head.hpp), and then hands httplib one normalised request
//   with a Content-Length from memory; httplib only routes and writes the answer;
// - a refused request is answered by `refuse` and the connection closed;
// - keep-alive and pipelining: bytes after a request stay buffered for the next one, which
//   is answered in order; a client that half-closes after its request still gets the answer;
// - at most HttpLimits::max_connections connections at once (a thread each, so a slow one
//   holds nobody else up); past it a connection is answered 503 + Retry-After and closed;
//   at most HttpLimits::max_handling requests run handlers at once.
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <semaphore>

#include "http/request_head.hpp"

namespace civic::server::http {

class StrictServer : public httplib::Server {
 public:
  // Fills `response` (status set) for a request refused before routing; also the place to
  // count and log it. Called on the connection's thread.
  using Refuse = std::function<void(httplib::Response& response)>;

  StrictServer(HttpLimits limits, Refuse refuse);

  // Connections open now (for tests and /metrics).
  int open_connections() const { return open_.load(); }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void answer_refusal(socket_t sock, int status) const;

  HttpLimits limits_;
  Refuse refuse_;
  std::atomic<int> open_{0};
  std::counting_semaphore<> handling_;
};

}  // namespace civic::server::http
