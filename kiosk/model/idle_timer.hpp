// kiosk/model/idle_timer.hpp — the self-service kiosk forgets a citizen who walked away.
// Time is a parameter (seconds on any monotonic clock), so tests move it by hand.
#pragma once

namespace civic::kiosk {

class IdleTimer {
 public:
  explicit IdleTimer(double timeout_seconds) : timeout_(timeout_seconds) {}

  void touch(double now) { last_ = now; }
  bool expired(double now) const { return now - last_ >= timeout_; }
  double remaining(double now) const { return timeout_ - (now - last_); }

 private:
  double timeout_;
  double last_ = 0;
};

}  // namespace civic::kiosk
