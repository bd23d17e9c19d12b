// kiosk/model/submission_review.hpp — one submission opened by an operator: its answers,
// the server's report, the same rules re-run here against the current profile, the
// decision, and its audit trail.
//
// The personal answers are sealed to the municipality's key, which only civic-server holds:
// the server opens the envelope for an operator of the submission's district (and audits
// it) and sends the answers over the operator's authenticated connection. No key ever
// reaches the operator's machine; when the server refuses (403 another district, 401 an
// expired token) or cannot be reached, the kiosk shows why and shows no answers. The
// answers live in this object only, and are dropped on close() or sign-out.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "civic/date.hpp"
#include "civic/forms.hpp"
#include "civic/profile.hpp"
#include "server_client.hpp"

namespace civic::kiosk {

enum class Decision { approve, reject, needs_correction };
std::string_view decision_status(Decision decision);  // "approved", ...

struct AuditEntry {
  long long seq = 0;
  std::string at;
  std::string actor;
  std::string action;
};

// The audit chain's state as /operator/audit/verify last reported it.
struct ChainState {
  enum class Kind { unknown, valid, broken, unavailable } kind = Kind::unknown;
  long long count = 0;
  long long broken_at = 0;
};

class SubmissionReview {
 public:
  explicit SubmissionReview(ServerClient& server) : server_(server) {}

  // Opens `submission_id`; `profile` re-validates the answers on `today`.
  void open(const std::string& token, const std::string& submission_id,
            std::shared_ptr<const profile::Profile> profile, Date today);
  // Approve, reject or ask for a correction; a reason (bg) is required except to approve.
  // `on_decided(status)` runs when the server accepted it.
  void decide(const std::string& token, Decision decision, const std::string& reason,
              std::function<void(const std::string& status)> on_decided);
  // The audit entries about this submission (the whole log, page by page) and the chain's
  // state (administrators only: for an operator both say "not available to your role").
  void load_audit(const std::string& token);
  void close();

  bool is_open() const { return !id_.empty(); }
  bool busy() const { return busy_; }
  const std::string& id() const { return id_; }
  const std::string& status() const { return status_; }
  const forms::Json& answers() const { return answers_; }
  const forms::Json& server_report() const { return server_report_; }
  // The core's report re-run here; null when the profile has no such form any more.
  const forms::Report* local_report() const { return local_report_ ? &*local_report_ : nullptr; }
  // True when the local report agrees with the server's on validity.
  bool reports_agree() const;
  const Message& message() const { return message_; }
  const std::vector<AuditEntry>& audit() const { return audit_; }
  const ChainState& chain() const { return chain_; }
  bool audit_forbidden() const { return audit_forbidden_; }

 private:
  static constexpr int kAuditPage = 1000;  // the server's largest page
  void fetch_audit_page(const std::string& token, long long after);

  ServerClient& server_;
  std::string id_;
  std::string status_;
  forms::Json answers_;
  forms::Json server_report_;
  std::optional<forms::Report> local_report_;
  std::vector<AuditEntry> audit_;
  ChainState chain_;
  bool audit_forbidden_ = false;
  bool busy_ = false;
  Message message_;
};

}  // namespace civic::kiosk
