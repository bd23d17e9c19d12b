// payment_storage.hpp — the fee payments' records (schema version 5), written once over
// Storage::transact / Storage::read (sql_runner.hpp), so that SQLite and PostgreSQL run the
// same statements.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storage.hpp"

namespace civic::server {

// A fee payment request of a submission (payment_routes.hpp).
struct Payment {
  std::string id;  // our reference, which the payment carries
  std::string submission_id;
  std::int64_t amount_cents = 0;  // EUR
  std::string state;              // awaiting_payment | paid | failed
  std::string pay_url;
  std::string transaction;  // the provider's id, once settled
  std::string created_at;
  std::string expires_at;  // an awaiting request is void after it
  std::string updated_at;
};

class PaymentStorage {
 public:
  explicit PaymentStorage(Storage& storage) : storage_(storage) {}

  // A new request (state awaiting_payment) and its audit entry, in one transaction.
  Result<Unit> put(const Payment& payment, const AuditEntry& entry);
  std::optional<Payment> find(const std::string& id);
  // The submission's latest request (the last one made), if any.
  std::optional<Payment> latest(const std::string& submission_id);
  // Settles request `id` as `state` (paid | failed) with the provider's `transaction`, with
  // its audit entry, in one transaction — only if it still awaits payment and no request
  // ever counted that transaction: true when this call settled it, false when it changed
  // nothing (a replayed or duplicate callback; the audit entry is then not written).
  Result<bool> settle(const std::string& id, const std::string& state,
                      const std::string& transaction, const std::string& at,
                      const AuditEntry& entry);

 private:
  Storage& storage_;
};

}  // namespace civic::server
