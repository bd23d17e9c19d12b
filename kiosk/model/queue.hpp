// kiosk/model/queue.hpp — the district queue: every submission the operator may see,
// fetched page by page (500 a request, the server's cursor), then sorted and filtered here
// so that a 10,000-row queue stays instant; the table draws only the visible rows.
#pragma once

#include <string>
#include <vector>

#include "civic/result.hpp"
#include "server_client.hpp"

namespace civic::kiosk {

struct QueueRow {
  std::string submission_id;
  std::string form_id;
  std::string district;
  std::string status;       // received, approved, rejected, needs_correction
  std::string received_at;  // RFC 3339 UTC, "2026-11-25T10:00:00Z"
  std::string updated_at;
};

enum class QueueColumn { received, form, district, status, age };

struct QueueFilter {
  std::string status;  // empty: any
  std::string text;    // a part of the id, form or district (case-sensitive ASCII)
};

// Whole days between `received_at` and `now` (both RFC 3339 UTC; 0 when unreadable).
int age_in_days(const std::string& received_at, const std::string& now);

class Queue {
 public:
  static constexpr int kPageSize = 500;

  explicit Queue(ServerClient& server) : server_(server) {}

  // Fetches every page for `token` (replacing what was there); `loading()` until done.
  void reload(const std::string& token);
  // For tests and benchmarks: the rows as if fetched.
  void set_rows(std::vector<QueueRow> rows);

  void sort_by(QueueColumn column, bool ascending);
  void set_filter(QueueFilter filter);
  // One row changed status (after a decision) without fetching everything again.
  void update_status(const std::string& submission_id, const std::string& status);

  bool loading() const { return loading_; }
  const Message& message() const { return message_; }
  size_t total() const { return rows_.size(); }
  // The rows that pass the filter, in the chosen order (indices into rows()).
  const std::vector<size_t>& view() const { return view_; }
  const std::vector<QueueRow>& rows() const { return rows_; }
  const QueueRow& visible(size_t index) const { return rows_[view_[index]]; }

 private:
  void fetch_page(const std::string& token, const std::string& after);
  void rebuild_view();

  ServerClient& server_;
  std::vector<QueueRow> rows_;
  std::vector<size_t> view_;
  QueueFilter filter_;
  QueueColumn column_ = QueueColumn::received;
  bool ascending_ = true;
  bool loading_ = false;
  Message message_;
};

}  // namespace civic::kiosk
