#include "csv.hpp"

namespace civic::address::csv {

std::vector<Record> parse(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Record> records;
  size_t line = 1, pos = 0;
  while (pos < text.size()) {
    Record record;
    record.line = line;
    std::string field;
    bool quoted = false, after_quote = false;
    for (; pos < text.size(); ++pos) {
      const char c = text[pos];
      if (quoted) {
        if (c == '"' && pos + 1 < text.size() && text[pos + 1] == '"') {
          field += '"';
          ++pos;
        } else if (c == '"') {
          quoted = false;
          after_quote = true;
        } else {
          if (c == '\n') ++line;
          field += c;
        }
      } else if (c == ',') {
        record.fields.push_back(std::move(field));
        field.clear();
        after_quote = false;
      } else if (c == '\n' || c == '\r') {
        break;
      } else if (c == '"' && field.empty() && !after_quote) {
        quoted = true;
      } else {
        if (after_quote) record.bad_quote = true;
        field += c;
      }
    }
    if (quoted) record.bad_quote = true;
    record.fields.push_back(std::move(field));
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
    ++line;
    const bool empty = record.fields.size() == 1 && record.fields[0].empty() && !record.bad_quote;
    if (!empty) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace civic::address::csv
