// Shared shape checks for identification numbers (internal to the identity module).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "civic/result.hpp"

namespace civic::identity_detail {

// Describes one kind of number for the shape errors it shares with the others.
struct NumberKind {
  const char* code_prefix;  // "egn"
  Message name;             // {"ЕГН", "EGN"}, used inside messages
};

// Characters as a person counts them (UTF-8 code points), not bytes.
size_t character_count(std::string_view text);

// Error when `text` is not exactly `length` ASCII digits (length checked first).
std::optional<Error> shape_error(std::string_view text, size_t length, const NumberKind& kind);

Error checksum_error(const NumberKind& kind);

// Whether `text` is a valid LNCh, as check_lnch says, without building the reasons it is not
// (lnch.cpp): check_id asks it of every number that is no valid EGN.
bool is_valid_lnch(std::string_view text);

template <size_t N>
int weighted_sum(std::string_view digits, const std::array<int, N>& weights, size_t offset = 0) {
  int sum = 0;
  for (size_t i = 0; i < N; ++i) sum += (digits[offset + i] - '0') * weights[i];
  return sum;
}

inline int digit_at(std::string_view digits, size_t index) { return digits[index] - '0'; }

}  // namespace civic::identity_detail
