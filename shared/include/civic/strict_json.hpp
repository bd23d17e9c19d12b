// civic/strict_json.hpp — reading JSON text that must mean one thing to every reader.
//
//   auto json = civic::parse_strict_json(text);
//   if (!json) return json.error();  // json.bom, json.syntax or json.duplicate_key
//
// RFC 8259 leaves an object with a repeated member name open ("the names within an
// object SHOULD be unique"); nlohmann keeps the last value, other readers the first. A
// byte order mark is tolerated by some parsers and refused by others. Signed or
// verified records (the vote board, the JSON API's requests) are read with this
// function instead, so two readers never see different values:
//   json.bom            the text starts with the UTF-8 byte order mark EF BB BF
//   json.syntax         not one JSON value (params.byte: where parsing stopped)
//   json.duplicate_key  an object repeats a member name; path is the JSON pointer of
//                       the second occurrence
//   json.too_deep       arrays and objects nest more than `max_depth` levels
//                       (params.max_depth)
// Nothing throws; the result is an ordered_json with members in document order.
//
// parse_json reads the other texts (a profile bundle, a form's answers) as nlohmann's own
// parse without exceptions does: a repeated member keeps its last value, and a text that is
// not JSON gives a discarded value. Both go through one reader, so a build carries one JSON
// parser.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "civic/result.hpp"

namespace civic {

Result<nlohmann::ordered_json> parse_strict_json(std::string_view text,
                                                 std::size_t max_depth = 1000);

// The value of `text`, or a discarded value (is_discarded()) when it is not JSON.
nlohmann::ordered_json parse_json(std::string_view text);

}  // namespace civic
