// The expr module's errors, with their bilingual messages (internal to the expr module).
#pragma once

#include <cstddef>
#include <string_view>

#include "civic/result.hpp"

namespace civic::expr::detail {

// expr.<code> at byte `position` of the source, with optional "expected" and "found" params.
Error expr_error(std::string_view code, std::size_t position, std::string_view expected = {},
                 std::string_view found = {});

}  // namespace civic::expr::detail
