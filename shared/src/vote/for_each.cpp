#include "civic/vote/for_each.hpp"

namespace civic::vote {

void for_each_in_order(std::size_t count, const std::function<void(std::size_t)>& piece) {
  for (std::size_t i = 0; i < count; ++i) piece(i);
}

}  // namespace civic::vote
