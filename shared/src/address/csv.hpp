// RFC 4180 CSV records (internal to the address module).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace civic::address::csv {

struct Record {
  size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
  bool bad_quote = false;  // an unterminated quote or text after a closing quote
};

// Splits `text` into records: fields separated by commas, quoted with "" ("" inside a quoted
// field is one quote), records ended by LF or CRLF. A UTF-8 BOM and empty lines are skipped.
std::vector<Record> parse(std::string_view text);

}  // namespace civic::address::csv
