// civic/register_import.hpp — loading a district's address register from operators' CSV.
//
// The CSV format is specified in docs/register-csv.md. The parser takes the text (the
// core reads no files); `civic register import` reads the file and prints the report.
#pragma once

#include <string_view>
#include <vector>

#include "civic/address.hpp"

namespace civic::address {

struct ImportReport {
  DistrictRegister district;  // every accepted row, grouped into streets and blocks
  size_t rows = 0;            // data rows read (the header excluded)
  size_t accepted = 0;        // rows that made it into the register
  // Rows refused, each an Error with path "/rows/N/column" (N = line number in the file)
  // and params {"row": N}. Codes: register.header, register.columns, register.quote,
  // register.settlement_format, register.street_or_block_required, address.number_format,
  // address.entrance_format, address.postal_code_format.
  std::vector<Error> errors;
  // The same building twice: {"row","first_row","key"} (the second row is dropped).
  std::vector<Json> duplicates;
  // The same building with two postal codes: {"row","first_row","key","postal_code",
  // "first_postal_code"} (the second row is dropped).
  std::vector<Json> postal_conflicts;

  bool ok() const { return errors.empty() && postal_conflicts.empty(); }
};

// Reads `csv` (UTF-8, optional BOM, CRLF or LF) as the register of `district`.
ImportReport import_csv(std::string_view district, std::string_view csv);

// {"district","rows","accepted","ok","errors","duplicates","postal_conflicts"}
Json report_to_json(const ImportReport& report);

}  // namespace civic::address
