// civic/reference.hpp — codes a person reads aloud, types and compares: the reference of a
// submission and its status code.
//
//   civic::SeededRng rng(seed);
//   std::string ref = civic::reference::make(civic::reference::Kind::submission, rng);
//   civic::reference::display(ref);                          // "7K2M-Q9XA-B3W"
//   civic::reference::parse(Kind::submission, " 7k2m q9xa-b3w");  // "7K2MQ9XAB3W"
//
// The alphabet is Crockford's base 32: the digits and the capital letters without I, L, O
// and U, so no two symbols look alike. On input, case, spaces and hyphens are ignored, and
// the look-alikes are read as what they look like (O as 0, I and L as 1). The last symbol is
// a check symbol (Luhn mod 32): every single mistyped symbol, and every swap of two
// neighbouring symbols except "0Z" ↔ "Z0", is refused with reference.check before anything
// is looked up.
//
//   submission  10 random symbols (50 bits) + check = 11, shown 4-4-3. Not a secret: it
//               names the submission; the server makes it unique.
//   status      15 random symbols (75 bits) + check = 16, shown 4-4-4-4. A secret: with the
//               reference it lets its holder read the submission's status.
//
// The canonical form (what make and parse return, what is stored and signed) has no
// separators and capital letters only. Errors: reference.malformed, reference.check.
#pragma once

#include <string>
#include <string_view>

#include "civic/result.hpp"
#include "civic/rng.hpp"

namespace civic::reference {

enum class Kind { submission, status };

// The number of symbols of a code of `kind`, its check symbol included.
std::size_t length(Kind kind);

// A new random code of `kind`, canonical.
std::string make(Kind kind, Rng& rng);

// What a person typed → the canonical code, or why it cannot be one.
Result<std::string> parse(Kind kind, std::string_view typed);

// A canonical code in groups of four joined by hyphens ("7K2M-Q9XA-B3W").
std::string display(std::string_view canonical);

// "submission" | "status" → Kind; error reference.malformed (path "/kind").
Result<Kind> parse_kind(std::string_view name);

}  // namespace civic::reference
