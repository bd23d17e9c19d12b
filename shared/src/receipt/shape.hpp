// Shape checks of receipts (internal to the receipt module).
#pragma once

#include "civic/receipt.hpp"
#include "civic/reference.hpp"

namespace civic::receipt {

// The facts in their documented form (errors receipt.malformed, paths as in the receipt).
Result<Unit> check_facts(const Facts& facts);

// A receipt object with exactly the documented members, each in its documented form.
// Errors receipt.malformed, receipt.unsupported_format.
Result<Facts> read_receipt(const Json& receipt);

// YYYY-MM-DDTHH:MM:SSZ.
bool is_timestamp(std::string_view text);
// A form version: a string or a non-negative integer.
bool is_version(const Json& version);
// A code exactly as reference::make writes it.
bool is_canonical(reference::Kind kind, const std::string& code);

// `size` bytes as 2·size lower-case hex digits, and nothing else.
bool is_lower_hex(std::string_view text, std::size_t size);

Error malformed(std::string path, const char* expected_bg, const char* expected_en);

}  // namespace civic::receipt
