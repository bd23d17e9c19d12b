#include "signing/signature_storage.hpp"

#include "files/upload_storage.hpp"

namespace civic::server {

namespace {

constexpr const char* kSelectRequest =
    "SELECT id, content_hash, state, confirm_url, short_code, created_at, expires_at, "
    "updated_at, signature, sealed_certificate, subject, serial, issuer, fingerprint, "
    "COALESCE(submission_id, '') FROM signing_requests ";

std::optional<SigningRecord> signing_record_in(const std::vector<SqlRow>& rows) {
  if (rows.empty()) return std::nullopt;
  const SqlRow& r = rows.front();
  return SigningRecord{r[0], r[1], r[2],  r[3],  r[4],  r[5],  r[6], r[7],
                       r[8], r[9], r[10], r[11], r[12], r[13], r[14]};
}

std::optional<Stored> stored_under(SqlRunner& sql, const NewSubmission& s) {
  const auto rows =
      sql.query("SELECT content_hash, receipt, envelope FROM submissions WHERE idempotency_key = ?",
                {s.idempotency_key});
  if (rows.empty()) return std::nullopt;
  const auto outcome =
      rows[0][0] == s.content_hash ? Stored::Outcome::existing : Stored::Outcome::conflict;
  return Stored{outcome, rows[0][1], rows[0][2]};
}

}  // namespace

Result<Unit> SignatureStorage::put(const SigningRecord& r, const AuditEntry& entry) {
  auto stored = storage_.transact(
      [&](SqlRunner& sql) {
        sql.execute(
            "INSERT INTO signing_requests (id, content_hash, state, confirm_url, short_code, "
            "created_at, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {r.id, r.content_hash, r.state, r.confirm_url, r.short_code, r.created_at, r.expires_at,
             r.updated_at});
        return true;
      },
      entry);
  if (!stored) return stored.error();
  return Unit{};
}

std::optional<SigningRecord> SignatureStorage::find(const std::string& id) {
  std::optional<SigningRecord> found;
  storage_.read([&](SqlRunner& sql) {
    found = signing_record_in(sql.query(std::string(kSelectRequest) + "WHERE id = ?", {id}));
  });
  return found;
}

std::optional<SigningRecord> SignatureStorage::of_submission(const std::string& submission_id) {
  std::optional<SigningRecord> found;
  storage_.read([&](SqlRunner& sql) {
    found = signing_record_in(
        sql.query(std::string(kSelectRequest) + "WHERE submission_id = ?", {submission_id}));
  });
  return found;
}

Result<bool> SignatureStorage::settle(const SigningRecord& o, const std::string& at,
                                      const AuditEntry& entry) {
  // The UPDATE holds the row until the end: of two callbacks racing for it, one settles it
  // and the other finds it settled.
  return storage_.transact(
      [&](SqlRunner& sql) {
        return sql.execute(
                   "UPDATE signing_requests SET state = ?, signature = ?, sealed_certificate = ?, "
                   "subject = ?, serial = ?, issuer = ?, fingerprint = ?, updated_at = ? "
                   "WHERE id = ? AND state = 'pending' AND expires_at > ?",
                   {o.state, o.signature, o.sealed_certificate, o.subject, o.serial, o.issuer,
                    o.fingerprint, at, o.id, at}) == 1;
      },
      entry);
}

Result<std::optional<Stored>> SignatureStorage::store_signed(const NewSubmission& s,
                                                             const std::string& request_id) {
  std::optional<Stored> outcome;
  bool used_already = false;
  auto written = storage_.transact(
      [&](SqlRunner& sql) {
        if ((outcome = stored_under(sql, s))) return false;
        if (!uploads_attachable(sql, s.uploads, s.idempotency_key)) {
          outcome = Stored{Stored::Outcome::uploads_unavailable, "", ""};
          return false;
        }
        if (sql.execute("UPDATE signing_requests SET state = 'used', submission_id = ?, "
                        "updated_at = ? WHERE id = ? AND state = 'signed'",
                        {s.id, s.received_at, request_id}) != 1) {
          used_already = true;
          return false;
        }
        if (!s.corrects.empty() &&
            sql.execute("UPDATE submissions SET status = 'corrected', updated_at = ? "
                        "WHERE id = ? AND status = 'needs_correction' AND form_id = ?",
                        {s.received_at, s.corrects, s.form_id}) != 1) {
          outcome = Stored{Stored::Outcome::not_correctable, "", ""};
          return false;
        }
        // Another request under this key that committed after the check above: roll back
        // and answer what it stored.
        if (sql.execute(
                "INSERT INTO submissions (id, idempotency_key, content_hash, form_id, "
                "form_version, district, envelope, receipt, received_at, updated_at, "
                "corrects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (idempotency_key) DO NOTHING",
                {s.id, s.idempotency_key, s.content_hash, s.form_id, s.form_version, s.district,
                 s.envelope, s.receipt, s.received_at, s.received_at, s.corrects}) != 1) {
          return false;
        }
        // Checked above; a parallel submission may have attached them since: roll back.
        if (!attach_uploads(sql, s.uploads, s.id)) {
          outcome = Stored{Stored::Outcome::uploads_unavailable, "", ""};
          return false;
        }
        outcome = Stored{Stored::Outcome::created, s.receipt, s.envelope};
        return true;
      },
      std::nullopt);
  if (!written) return written.error();
  if (used_already) return std::optional<Stored>();
  if (!outcome) outcome = storage_.find_by_key(s.idempotency_key, s.content_hash);
  if (!outcome) return storage_failed(StorageError("the signed submission could not be read back"));
  return outcome;
}

}  // namespace civic::server
