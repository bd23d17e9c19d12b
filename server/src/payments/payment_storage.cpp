#include "payments/payment_storage.hpp"

namespace civic::server {

namespace {

constexpr const char* kSelectPayment =
    "SELECT id, submission_id, amount_cents, state, pay_url, COALESCE(transaction_id, ''), "
    "created_at, expires_at, updated_at FROM payments ";

Payment read_payment(const SqlRow& row) {
  return Payment{row[0], row[1], std::stoll(row[2]), row[3], row[4], row[5], row[6],
                 row[7], row[8]};
}

std::optional<Payment> first(const std::vector<SqlRow>& rows) {
  if (rows.empty()) return std::nullopt;
  return read_payment(rows.front());
}

}  // namespace

Result<Unit> PaymentStorage::put(const Payment& p, const AuditEntry& entry) {
  // The audit entry is written first, so requests take turns (on every replica) and `made`
  // numbers them in the order they were made.
  auto stored = storage_.transact(
      [&](SqlRunner& sql) {
        sql.execute(
            "INSERT INTO payments (made, id, submission_id, amount_cents, state, pay_url, "
            "created_at, expires_at, updated_at) "
            "SELECT COALESCE(MAX(made), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? FROM payments",
            {p.id, p.submission_id, p.amount_cents, p.state, p.pay_url, p.created_at, p.expires_at,
             p.updated_at});
        return true;
      },
      entry);
  if (!stored) return stored.error();
  return Unit{};
}

std::optional<Payment> PaymentStorage::find(const std::string& id) {
  std::optional<Payment> found;
  storage_.read([&](SqlRunner& sql) {
    found = first(sql.query(std::string(kSelectPayment) + "WHERE id = ?", {id}));
  });
  return found;
}

std::optional<Payment> PaymentStorage::latest(const std::string& submission_id) {
  std::optional<Payment> found;
  storage_.read([&](SqlRunner& sql) {
    found = first(sql.query(
        std::string(kSelectPayment) + "WHERE submission_id = ? ORDER BY made DESC LIMIT 1",
        {submission_id}));
  });
  return found;
}

Result<bool> PaymentStorage::settle(const std::string& id, const std::string& state,
                                    const std::string& transaction, const std::string& at,
                                    const AuditEntry& entry) {
  // The UPDATE holds the request's row until the end, so of two callbacks racing for it one
  // settles it and the other finds it settled; a transaction already counted by another
  // request is found first (and its UNIQUE index refuses a race between two requests).
  return storage_.transact(
      [&](SqlRunner& sql) {
        if (!sql.query("SELECT 1 FROM payments WHERE transaction_id = ?", {transaction}).empty()) {
          return false;
        }
        return sql.execute(
                   "UPDATE payments SET state = ?, transaction_id = ?, updated_at = ? "
                   "WHERE id = ? AND state = 'awaiting_payment'",
                   {state, transaction, at, id}) == 1;
      },
      entry);
}

}  // namespace civic::server
