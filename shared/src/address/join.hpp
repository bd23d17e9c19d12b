// Concatenation by appending (internal): g++ 12 reports a false -Wrestrict on
// `"literal" + std::string` chains, which -Werror turns into a build failure.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace civic::address {

inline std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out.append(part);
  return out;
}

}  // namespace civic::address
