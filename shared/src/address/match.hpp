// Matching typed names against folded register keys (internal to the address module).
#pragma once

#include <string_view>

namespace civic::address {

// How `query` occurs in `key` before `end`: 0 at the start, 1 at the start of a word,
// 2 inside a word, 3 not at all.
int rank_in(std::string_view key, std::string_view query,
            std::string_view::size_type end = std::string_view::npos);

// Whether a word of `key` starts with `query` give or take one typo: a letter missing,
// added or changed, or two neighbours swapped.
bool one_typo_from(std::string_view key, std::string_view query);

// Text order with runs of digits compared as numbers: "bl 2" before "bl 10".
bool natural_less(std::string_view a, std::string_view b);

}  // namespace civic::address
