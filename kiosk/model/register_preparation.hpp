// kiosk/model/register_preparation.hpp — a district's address register before it goes
// live: the operator loads the district's CSV (docs/register-csv.md), reads the core's
// import report (rows refused, duplicates, postal-code conflicts), fixes the file or skips
// the rows it refuses, and uploads it; the server imports it again with the same core and
// answers its own report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civic/register_import.hpp"
#include "server_client.hpp"

namespace civic::kiosk {

struct Readiness {
  size_t rows = 0;
  size_t accepted = 0;
  size_t refused = 0;     // errors
  size_t duplicates = 0;  // dropped
  size_t conflicts = 0;   // postal-code conflicts, dropped
  size_t skipped = 0;     // refused or conflicting rows the operator left out
  bool ready = false;     // something accepted, and nothing refused or conflicting
};

class RegisterPreparation {
 public:
  explicit RegisterPreparation(ServerClient& server) : server_(server) {}

  // Reads `csv` as the register of `district` (nothing is sent yet).
  void load(std::string district, std::string csv);
  // Leaves out the row that starts on line `row` of the file, one the report refuses or finds
  // in conflict: its lines are blanked (an empty line is no row, so every other row keeps its
  // number) and the file is checked again. Any other line changes nothing and says so.
  void skip_row(size_t row);
  // Leaves out every row the report refuses or finds in conflict.
  void skip_refused_rows();
  // The lines left out so far, in the order skipped.
  const std::vector<size_t>& skipped() const { return skipped_; }

  // Uploads the loaded CSV (without the rows left out). The dropped rows (duplicates) need
  // `skip_dropped`; a file with refused rows or conflicts is never uploaded: fix or skip them.
  void upload(const std::string& token, bool skip_dropped);

  // Forgets the file and its report (on sign-out).
  void reset();

  bool loaded() const { return report_.has_value(); }
  const address::ImportReport& report() const { return *report_; }
  Readiness readiness() const;
  const std::string& district() const { return district_; }
  bool uploaded() const { return uploaded_; }
  const Message& message() const { return message_; }

 private:
  ServerClient& server_;
  std::string district_;
  std::string csv_;
  std::optional<address::ImportReport> report_;
  std::vector<size_t> skipped_;
  bool uploaded_ = false;
  Message message_;
};

}  // namespace civic::kiosk
