// Minimal UTF-8 decoding and encoding (internal to the text module).
#pragma once

#include <string>
#include <string_view>

namespace civic::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. A malformed or
// overlong sequence, a surrogate or a value past U+10FFFF yields U+FFFD and
// advances by one byte.
char32_t next(std::string_view text, size_t& pos);

void append(std::string& out, char32_t code_point);

}  // namespace civic::utf8
