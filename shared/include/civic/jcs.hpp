// civic/jcs.hpp — RFC 8785 JSON Canonicalization Scheme (JCS).
//
// The canonical text of a JSON value is what a hash or a signature covers, so that a
// browser, the server and a third-party verifier hash the same bytes. Rules (RFC 8785 §3.2):
// no whitespace; object members sorted by their names as arrays of UTF-16 code units;
// strings as ECMAScript JSON.stringify writes them (only ", \ and controls escaped);
// numbers as ECMAScript Number.prototype.toString writes an IEEE-754 double.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "civic/result.hpp"

namespace civic::jcs {

// Deepest nesting of arrays and objects accepted (the top level is depth 1).
inline constexpr int kMaxDepth = 100;

// The canonical UTF-8 text of `value`. Integers are converted to doubles first, as
// I-JSON requires (2^53 + 1 is written 9007199254740992).
// Errors (path = JSON pointer to the offending value):
//   jcs.invalid_utf8  a string or member name is not valid UTF-8
//   jcs.not_finite    a number is NaN or infinite
//   jcs.too_deep      nesting deeper than kMaxDepth
//   jcs.unsupported   a value JSON cannot express (binary, discarded)
Result<std::string> canonicalize(const nlohmann::ordered_json& value);

// ECMAScript Number::toString(value) for a finite double: the shortest decimal that
// reads back as `value`, in ES notation ("1e+21", "1e-7", "0.000001", "-0" → "0").
// Precondition: std::isfinite(value).
std::string format_number(double value);

}  // namespace civic::jcs
