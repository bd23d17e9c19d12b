#include "queue.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "civic/date.hpp"
#include "problem.hpp"

namespace civic::kiosk {
namespace {

// Days since 0000-03-01 of the date part of an RFC 3339 timestamp, or -1.
long day_number(const std::string& timestamp) {
  const auto date = parse_iso_date(std::string_view(timestamp).substr(0, 10));
  if (!date) return -1;
  const long y = date->year - (date->month <= 2 ? 1 : 0);
  const long m = date->month <= 2 ? date->month + 9 : date->month - 3;
  return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + date->day - 1;
}

std::string encode_query(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

const std::string& key_of(const QueueRow& row, QueueColumn column) {
  switch (column) {
    case QueueColumn::form: return row.form_id;
    case QueueColumn::district: return row.district;
    case QueueColumn::status: return row.status;
    case QueueColumn::received:
    case QueueColumn::age: break;
  }
  return row.received_at;
}

}  // namespace

int age_in_days(const std::string& received_at, const std::string& now) {
  const long from = day_number(received_at);
  const long to = day_number(now);
  return from < 0 || to < 0 ? 0 : static_cast<int>(to - from);
}

void Queue::reload(const std::string& token) {
  rows_.clear();
  message_ = {};
  loading_ = true;
  fetch_page(token, "");
}

void Queue::fetch_page(const std::string& token, const std::string& after) {
  std::string path = "/api/v1/operator/queue?limit=" + std::to_string(kPageSize);
  if (!after.empty()) path += "&after=" + encode_query(after);
  server_.send(get_request(path, token), [this, token](const HttpResponse& response) {
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (response.status != 200 || !body.is_object() ||
        !body.value("items", nlohmann::json()).is_array()) {
      message_ = problem_message(response);
      loading_ = false;
      rebuild_view();
      return;
    }
    for (const auto& item : body["items"]) {
      const auto form = item.value("form", nlohmann::json::object());
      rows_.push_back({item.value("submission_id", ""),
                       form.is_object() ? form.value("id", "") : "", item.value("district", ""),
                       item.value("status", ""), item.value("received_at", ""),
                       item.value("updated_at", "")});
    }
    const auto next = body.value("next", nlohmann::json());
    if (next.is_string()) return fetch_page(token, next.get<std::string>());
    loading_ = false;
    rebuild_view();
  });
}

void Queue::set_rows(std::vector<QueueRow> rows) {
  rows_ = std::move(rows);
  rebuild_view();
}

void Queue::sort_by(QueueColumn column, bool ascending) {
  column_ = column;
  ascending_ = ascending;
  rebuild_view();
}

void Queue::set_filter(QueueFilter filter) {
  filter_ = std::move(filter);
  rebuild_view();
}

void Queue::update_status(const std::string& submission_id, const std::string& status) {
  for (auto& row : rows_) {
    if (row.submission_id == submission_id) row.status = status;
  }
  rebuild_view();
}

void Queue::rebuild_view() {
  view_.clear();
  for (size_t i = 0; i < rows_.size(); ++i) {
    const QueueRow& row = rows_[i];
    if (!filter_.status.empty() && row.status != filter_.status) continue;
    if (!filter_.text.empty() && row.submission_id.find(filter_.text) == std::string::npos &&
        row.form_id.find(filter_.text) == std::string::npos &&
        row.district.find(filter_.text) == std::string::npos) {
      continue;
    }
    view_.push_back(i);
  }
  // Age is the reverse of the time received: the oldest is the most aged.
  const bool ascending = column_ == QueueColumn::age ? !ascending_ : ascending_;
  std::stable_sort(view_.begin(), view_.end(), [&](size_t a, size_t b) {
    const std::string& left = key_of(rows_[a], column_);
    const std::string& right = key_of(rows_[b], column_);
    if (left != right) return ascending ? left < right : right < left;
    return rows_[a].submission_id < rows_[b].submission_id;
  });
}

}  // namespace civic::kiosk
