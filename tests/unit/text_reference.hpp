// The reference for civic/text.hpp's transliterate and fold_for_search: their first, simple
// implementation, kept in the tests to hold the fast ones to the same output, byte for byte.
#pragma once

#include <string>
#include <string_view>

namespace civic::text_reference {

std::string transliterate(std::string_view text);
std::string fold_for_search(std::string_view text);

}  // namespace civic::text_reference
