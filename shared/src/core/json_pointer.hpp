// json_pointer.hpp — one reference token of a JSON pointer (internal).
#pragma once

#include <string>
#include <string_view>

namespace civic {

// `name` escaped as RFC 6901 requires: "~" → "~0", "/" → "~1".
std::string json_pointer_token(std::string_view name);

}  // namespace civic
