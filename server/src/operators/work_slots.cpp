#include "operators/work_slots.hpp"

namespace civic::server {

WorkSlots::Lease::~Lease() {
  if (owner_ != nullptr) owner_->leave();
}

std::optional<WorkSlots::Lease> WorkSlots::enter() {
  std::unique_lock lock(mutex_);
  if (free_ == 0) {
    if (waiting_ >= max_waiting_) return std::nullopt;
    ++waiting_;
    freed_.wait(lock, [this] { return free_ > 0; });
    --waiting_;
  }
  --free_;
  return std::optional<Lease>(std::in_place, *this);
}

void WorkSlots::leave() {
  {
    const std::lock_guard lock(mutex_);
    ++free_;
  }
  freed_.notify_one();
}

}  // namespace civic::server
