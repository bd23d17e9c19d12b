#include "register_preparation.hpp"

#include "problem.hpp"

namespace civic::kiosk {

void RegisterPreparation::load(std::string district, std::string csv) {
  district_ = std::move(district);
  csv_ = std::move(csv);
  report_ = address::import_csv(district_, csv_);
  uploaded_ = false;
  message_ = {};
}

void RegisterPreparation::reset() {
  district_.clear();
  csv_.clear();
  report_.reset();
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
              false};
  r.ready = r.accepted > 0 && report_->ok();
  return r;
}

void RegisterPreparation::upload(const std::string& token, bool skip_dropped) {
  const Readiness r = readiness();
  if (!r.ready) {
    message_ = {"Поправете отхвърлените редове преди качване",
                "Fix the refused rows before uploading"};
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
