#include "address_handlers.hpp"
#include "civic/register_import.hpp"

namespace civic::api {

// register.import {"district","csv"} → {"district","rows","accepted","ok","errors",
//   "duplicates","postal_conflicts","streets","blocks","register"}
Json register_import_handler(const Request& request) {
  auto district = request.string("district");
  if (!district) return failure(district.error());
  auto csv = request.string("csv");
  if (!csv) return failure(csv.error());
  const address::ImportReport report = address::import_csv(*district, *csv);
  Json out = address::report_to_json(report);
  out["register"] = address::to_json(report.district);
  return out;
}

}  // namespace civic::api
