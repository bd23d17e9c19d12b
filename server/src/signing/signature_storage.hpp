// signature_storage.hpp — the signing requests and the signatures of submissions (schema
// version 8), written once over
// Storage::transact / Storage::read (sql_runner.hpp), so that SQLite and PostgreSQL run the
// same statements.
//
// A request is pending until the provider's news makes it signed or refused (a pending one
// past expires_at is expired, and stays so); a signed one becomes used when the submission
// it signs is stored, in that submission's transaction — then it is the submission's
// signature. The signer's certificate names their personal number, so it is kept sealed to
// the municipality's envelope key (sealed_text.hpp), like the envelope's personal data;
// subject, serial, issuer and fingerprint are kept in clear.
#pragma once

#include <optional>
#include <string>

#include "storage.hpp"

namespace civic::server {

struct SigningRecord {
  std::string id;
  std::string content_hash;
  std::string state;  // pending | signed | refused | used
  std::string confirm_url;
  std::string short_code;
  std::string created_at;
  std::string expires_at;  // a pending request is void after it
  std::string updated_at;
  // Once signed:
  std::string signature;
  std::string sealed_certificate;
  std::string subject;
  std::string serial;
  std::string issuer;
  std::string fingerprint;
  std::string submission_id;  // once used
};

class SignatureStorage {
 public:
  explicit SignatureStorage(Storage& storage) : storage_(storage) {}

  // A new pending request and its audit entry, in one transaction.
  Result<Unit> put(const SigningRecord& request, const AuditEntry& entry);
  std::optional<SigningRecord> find(const std::string& id);
  // The signature of submission `submission_id` (the request it used), if it was signed.
  std::optional<SigningRecord> of_submission(const std::string& submission_id);

  // Records the provider's news of `outcome.id` (state signed, with the signature and the
  // certificate's facts, or refused) with its audit entry, in one transaction — only if the
  // request is still pending and `at` is not past its expiry: true when this call settled
  // it, false when it changed nothing (a replayed or late callback; no audit entry then).
  Result<bool> settle(const SigningRecord& outcome, const std::string& at, const AuditEntry& entry);

  // Stores `submission` signed by request `request_id`, in one transaction: the request
  // (still signed) becomes used by it, a corrected submission becomes "corrected", the row
  // is inserted. nullopt: the request was used already, nothing was stored. A submission
  // already stored under the idempotency key is answered as Storage::store_submission does.
  Result<std::optional<Stored>> store_signed(const NewSubmission& submission,
                                             const std::string& request_id);

 private:
  Storage& storage_;
};

}  // namespace civic::server
