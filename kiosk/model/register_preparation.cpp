#include "register_preparation.hpp"

#include <algorithm>

#include "problem.hpp"

namespace civic::kiosk {
namespace {

// The lines of the record that starts on line `row` (1-based): that line and, while a quoted
// field is still open (an odd number of quotes so far), the next ones. Each is emptied; the
// line breaks stay, so every other line keeps its number.
std::string blank_record(const std::string& csv, size_t row) {
  std::string out;
  out.reserve(csv.size());
  size_t line = 1;
  bool quoted = false;
  bool inside = false;
  for (const char c : csv) {
    if (line == row && !inside) inside = true;
    if (c == '\n') {
      if (inside && !quoted) inside = false;
      ++line;
      out += c;
      continue;
    }
    if (inside) {
      if (c == '"') quoted = !quoted;
      if (c == '\r') out += c;
      continue;
    }
    out += c;
  }
  return out;
}

// The lines the report refuses or finds in conflict (never the header, line 1).
std::vector<size_t> refused_rows(const address::ImportReport& report) {
  std::vector<size_t> rows;
  const auto add = [&](const address::Json& row) {
    if (row.is_number_unsigned() && row.get<size_t>() > 1) rows.push_back(row.get<size_t>());
  };
  for (const Error& error : report.errors) add(error.params.value("row", address::Json()));
  for (const auto& conflict : report.postal_conflicts) add(conflict.value("row", address::Json()));
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

}  // namespace

void RegisterPreparation::load(std::string district, std::string csv) {
  district_ = std::move(district);
  csv_ = std::move(csv);
  report_ = address::import_csv(district_, csv_);
  skipped_.clear();
  uploaded_ = false;
  message_ = {};
}

void RegisterPreparation::skip_row(size_t row) {
  if (!report_) return;
  const std::vector<size_t> refused = refused_rows(*report_);
  if (std::find(refused.begin(), refused.end(), row) == refused.end()) {
    message_ = {"Ред " + std::to_string(row) + " не е отхвърлен: той остава",
                "Row " + std::to_string(row) + " is not refused: it stays"};
    return;
  }
  csv_ = blank_record(csv_, row);
  report_ = address::import_csv(district_, csv_);
  skipped_.push_back(row);
  uploaded_ = false;
  message_ = {};
}

void RegisterPreparation::skip_refused_rows() {
  if (!report_) return;
  for (const size_t row : refused_rows(*report_)) skip_row(row);
}

void RegisterPreparation::reset() {
  district_.clear();
  csv_.clear();
  report_.reset();
  skipped_.clear();
  uploaded_ = false;
  message_ = {};
}

Readiness RegisterPreparation::readiness() const {
  if (!report_) return {};
  Readiness r{report_->rows,
              report_->accepted,
              report_->errors.size(),
              report_->duplicates.size(),
              report_->postal_conflicts.size(),
              skipped_.size(),
              false};
  r.ready = r.accepted > 0 && report_->ok();
  return r;
}

void RegisterPreparation::upload(const std::string& token, bool skip_dropped) {
  const Readiness r = readiness();
  if (!r.ready) {
    message_ = {"Поправете или пропуснете отхвърлените редове преди качване",
                "Fix or skip the refused rows before uploading"};
    return;
  }
  if (r.duplicates > 0 && !skip_dropped) {
    message_ = {"Потвърдете, че повторените редове ще бъдат пропуснати",
                "Confirm that the repeated rows will be skipped"};
    return;
  }
  server_.send(post_request("/api/v1/operator/districts/" + district_ + "/register", csv_, token,
                            "text/csv"),
               [this](const HttpResponse& response) {
                 uploaded_ = response.status == 200;
                 message_ = uploaded_ ? Message{"Регистърът е качен", "The register is uploaded"}
                                      : problem_message(response);
               });
}

}  // namespace civic::kiosk
