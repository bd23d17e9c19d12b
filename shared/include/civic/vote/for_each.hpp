// civic/vote/for_each.hpp — how the vote module's long jobs run their independent pieces.
//
//   vote::verify_board(records);             // the pieces one after the other
//   vote::verify_board(records, pool);       // e.g. `civic vote verify --jobs N`
//
// shared/ never starts a thread; a caller that wants every core passes a ForEach that
// runs the pieces on its own threads. Results never depend on it: each piece writes
// only its own slot, and the slots are combined afterwards in order.
#pragma once

#include <cstddef>
#include <functional>

namespace civic::vote {

// Calls piece(i) exactly once for each i in [0, count), from any threads in any order,
// and returns when every call has returned. Pieces are independent and do not throw.
using ForEach =
    std::function<void(std::size_t count, const std::function<void(std::size_t)>& piece)>;

// piece(0), piece(1), … on the caller's thread.
void for_each_in_order(std::size_t count, const std::function<void(std::size_t)>& piece);

}  // namespace civic::vote
