// Fuzz target: any bytes as an operator's register CSV (register.import), imported for a fixed
// district; the report and the register built from it must serialise.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "civic/address.hpp"
#include "civic/register_import.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view csv(reinterpret_cast<const char*>(data), size);
  const civic::address::ImportReport report = civic::address::import_csv("sredets", csv);
  (void)civic::api::dump(civic::address::report_to_json(report));
  (void)civic::api::dump(civic::address::to_json(report.district));
  return 0;
}
