// Shape checks of receipts (internal to the receipt module).
#pragma once

#include "civic/receipt.hpp"

namespace civic::receipt {

// The facts in their documented form (errors receipt.malformed, paths as in the receipt).
Result<Unit> check_facts(const Facts& facts);

// A receipt object with exactly the documented members, each in its documented form.
// Errors receipt.malformed, receipt.unsupported_format.
Result<Facts> read_receipt(const Json& receipt);

// `size` bytes as 2·size lower-case hex digits, and nothing else.
bool is_lower_hex(std::string_view text, std::size_t size);

Error malformed(std::string path, const char* expected_bg, const char* expected_en);

}  // namespace civic::receipt
