// work_slots.hpp — a bound on expensive work running at once, with a short waiting line.
//
//   WorkSlots slots(2, 16);          // two at once, sixteen more may wait
//   if (auto lease = slots.enter()) { /* work; the slot frees when lease goes */ }
//   else { /* full: answer 503 + Retry-After */ }
//
// Used for Argon2id password checks: each takes 64 MiB and ~0.1 s of a core, so an
// unbounded number in parallel is an out-of-memory attack (issue 14, item 5).
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>

namespace civic::server {

class WorkSlots {
 public:
  // `slots` ≥ 1 run at once; `max_waiting` ≥ 0 may wait for one; more are refused.
  WorkSlots(int slots, int max_waiting) : free_(slots), max_waiting_(max_waiting) {}

  class Lease {
   public:
    explicit Lease(WorkSlots& owner) : owner_(&owner) {}
    Lease(Lease&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

   private:
    WorkSlots* owner_;
  };

  // A slot, after waiting while all are taken; nullopt at once when the line is full.
  std::optional<Lease> enter();

 private:
  void leave();

  std::mutex mutex_;
  std::condition_variable freed_;
  int free_;
  int waiting_ = 0;
  int max_waiting_;
};

}  // namespace civic::server
