#include "http/strict_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <array>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "http/connection_io.hpp"

namespace civic::server::http {

namespace {

// Set on the accepting thread while it refuses a connection past the limit.
thread_local bool refusing_connection = false;

// A thread per connection, at most `max` at once; past that, the connection is handed back
// on the accepting thread with `refusing_connection` set (a quick 503, nothing read).
class ConnectionThreads final : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(int max) : max_(max) {}

  void enqueue(std::function<void()> fn) override {
    {
      const std::lock_guard lock(mutex_);
      if (running_ < max_) {
        ++running_;
        try {
          std::thread([this, fn = std::move(fn)] {
            fn();
            const std::lock_guard done(mutex_);
            if (--running_ == 0) idle_.notify_all();
          }).detach();
          return;
        } catch (const std::system_error&) {
          --running_;  // no thread to be had: refused like a full house
        }
      }
    }
    refusing_connection = true;
    fn();
    refusing_connection = false;
  }

  // Waits for every connection to finish (they notice stop() within a fraction of a second).
  void shutdown() override {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return running_ == 0; });
  }

 private:
  const int max_;
  std::mutex mutex_;
  std::condition_variable idle_;
  int running_ = 0;
};

const char* reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
  }
}

std::string address_of(const sockaddr_storage& address, int& port) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (address.ss_family == AF_INET) {
    const auto& in = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &in.sin_addr, text.data(), text.size());
    port = ntohs(in.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &in6.sin6_addr, text.data(), text.size());
    port = ntohs(in6.sin6_port);
  }
  return text.data();
}

// One normalised request for httplib to read; its answer goes straight to the socket.
class BufferedStream final : public httplib::Stream {
 public:
  BufferedStream(socket_t sock, std::string input, std::chrono::milliseconds write_timeout)
      : sock_(sock), input_(std::move(input)), write_timeout_(write_timeout) {}

  bool is_readable() const override { return position_ < input_.size(); }
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override {
    const std::size_t count = std::min(size, input_.size() - position_);
    std::copy_n(input_.data() + position_, count, ptr);
    position_ += count;
    return static_cast<ssize_t>(count);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (failed_ || !send_all(sock_, std::string_view(ptr, size), Clock::now() + write_timeout_)) {
      failed_ = true;
      return -1;
    }
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      ip = address_of(address, port);
    }
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      ip = address_of(address, port);
    }
  }
  socket_t socket() const override { return sock_; }
  bool failed() const { return failed_; }

 private:
  socket_t sock_;
  std::string input_;
  std::size_t position_ = 0;
  std::chrono::milliseconds write_timeout_;
  bool failed_ = false;
};

}  // namespace

StrictServer::StrictServer(HttpLimits limits, Refuse refuse)
    : limits_(limits), refuse_(std::move(refuse)), handling_(limits.max_handling) {
  const int max = limits_.max_connections;
  new_task_queue = [max] { return new ConnectionThreads(max); };
}

void StrictServer::answer_refusal(socket_t sock, int status) const {
  httplib::Response response;
  response.status = status;
  if (status == 503) response.set_header("Retry-After", "1");
  if (refuse_) refuse_(response);
  std::string text = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
  for (const auto& [name, value] : response.headers) {
    if (name != "Content-Length" && name != "Connection") text += name + ": " + value + "\r\n";
  }
  text += "Content-Length: " + std::to_string(response.body.size()) +
          "\r\nConnection: close\r\n\r\n" + response.body;
  (void)send_all(sock, text, Clock::now() + limits_.write_timeout);
}

bool StrictServer::process_and_close_socket(socket_t sock) {
  if (refusing_connection) {
    // On the accepting thread: answer at once, never wait for the client. What the client
    // sent already is read first, so that closing does not reset the connection under it.
    const auto drain = [sock] {
      std::array<char, 16384> scratch{};
      while (::recv(sock, scratch.data(), scratch.size(), MSG_DONTWAIT) > 0) {
      }
    };
    drain();
    answer_refusal(sock, 503);
    ::shutdown(sock, SHUT_WR);
    drain();
    ::close(sock);
    return true;
  }
  ++open_;
  // stop() closes the listening socket: connections finish their request and leave.
  const auto running = [this] { return svr_sock_ != INVALID_SOCKET; };
  ConnectionReader reader(sock, limits_, running);
  for (int served = 0; served < limits_.max_requests && running(); ++served) {
    IncomingRequest request = reader.next(served == 0);
    if (request.kind == IncomingRequest::Kind::closed) break;
    if (request.kind == IncomingRequest::Kind::refused) {
      answer_refusal(sock, request.status);
      break;
    }
    const bool last = request.close || served + 1 == limits_.max_requests || !running();
    BufferedStream stream(sock, std::move(request.text), limits_.write_timeout);
    bool connection_closed = false;
    {
      handling_.acquire();
      struct Release {
        std::counting_semaphore<>& slots;
        ~Release() { slots.release(); }
      } release{handling_};
      process_request(stream, last, connection_closed, nullptr);
    }
    if (last || connection_closed || stream.failed()) break;
  }
  lingering_close(sock);
  --open_;
  return true;
}

}  // namespace civic::server::http
