#include "files/upload_storage.hpp"

namespace civic::server {

namespace {

constexpr const char* kSelectUpload =
    "SELECT id, header, size, chunks, created_at, COALESCE(submission_id, ''), client "
    "FROM uploads WHERE id = ?";

// "?, ?, …" for `count` placeholders, and the values.
std::string placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
  return text;
}

std::vector<SqlValue> values(const std::vector<std::string>& ids) {
  return std::vector<SqlValue>(ids.begin(), ids.end());
}

}  // namespace

Result<UploadCreated> UploadStorage::create(const Upload& u, std::int64_t max_unattached) {
  UploadCreated outcome = UploadCreated::existing;
  auto written = storage_.transact(
      [&](SqlRunner& sql) {
        if (!sql.query("SELECT 1 FROM uploads WHERE id = ?", {u.id}).empty()) return false;
        const auto held = sql.query(
            "SELECT COUNT(*) FROM uploads WHERE client = ? AND submission_id IS NULL", {u.client});
        if (std::stoll(held.front()[0]) >= max_unattached) {
          outcome = UploadCreated::too_many;
          return false;
        }
        if (sql.execute("INSERT INTO uploads (id, header, size, chunks, created_at, client) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                        {u.id, u.header, u.size, u.chunks, u.created_at, u.client}) != 1) {
          return false;  // the same header from a parallel request: stored by it
        }
        outcome = UploadCreated::created;
        return true;
      },
      std::nullopt);
  if (!written) return written.error();
  return outcome;
}

std::optional<Upload> UploadStorage::find(const std::string& id) {
  std::optional<Upload> found;
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(kSelectUpload, {id});
    if (rows.empty()) return;
    const SqlRow& r = rows.front();
    found = Upload{r[0], r[1], std::stoll(r[2]), std::stoll(r[3]), r[4], r[5], r[6]};
  });
  return found;
}

std::vector<std::int64_t> UploadStorage::received(const std::string& id) {
  std::vector<std::int64_t> indices;
  storage_.read([&](SqlRunner& sql) {
    for (const SqlRow& row :
         sql.query("SELECT idx FROM upload_chunks WHERE upload_id = ? ORDER BY idx", {id})) {
      indices.push_back(std::stoll(row[0]));
    }
  });
  return indices;
}

Result<ChunkStored> UploadStorage::put_chunk(const std::string& id, std::int64_t index,
                                             const std::string& sealed_base64) {
  ChunkStored outcome = ChunkStored::stored;
  auto written = storage_.transact(
      [&](SqlRunner& sql) {
        const auto upload =
            sql.query("SELECT COALESCE(submission_id, '') FROM uploads WHERE id = ?", {id});
        if (upload.empty() || !upload.front()[0].empty()) {
          outcome = upload.empty() ? ChunkStored::unknown_upload : ChunkStored::attached;
          return false;
        }
        if (sql.execute("INSERT INTO upload_chunks (upload_id, idx, bytes) VALUES (?, ?, ?) "
                        "ON CONFLICT (upload_id, idx) DO NOTHING",
                        {id, index, sealed_base64}) == 1) {
          return true;
        }
        const auto stored = sql.query(
            "SELECT bytes FROM upload_chunks WHERE upload_id = ? AND idx = ?", {id, index});
        outcome = stored.front()[0] == sealed_base64 ? ChunkStored::same : ChunkStored::conflict;
        return false;
      },
      std::nullopt);
  if (!written) return written.error();
  return outcome;
}

std::optional<std::string> UploadStorage::chunk(const std::string& id, std::int64_t index) {
  std::optional<std::string> bytes;
  storage_.read([&](SqlRunner& sql) {
    const auto rows =
        sql.query("SELECT bytes FROM upload_chunks WHERE upload_id = ? AND idx = ?", {id, index});
    if (!rows.empty()) bytes = rows.front()[0];
  });
  return bytes;
}

Result<std::int64_t> UploadStorage::sweep(const std::string& cutoff) {
  // One statement: a submission attaching one of these uploads at the same moment either
  // commits first (the upload is no longer unattached, and stays) or finds it gone.
  std::int64_t deleted = 0;
  auto written = storage_.transact(
      [&](SqlRunner& sql) {
        deleted = sql.execute("DELETE FROM uploads WHERE submission_id IS NULL AND created_at < ?",
                              {cutoff});
        return true;
      },
      std::nullopt);
  if (!written) return written.error();
  return deleted;
}

bool uploads_attachable(SqlRunner& sql, const std::vector<std::string>& ids,
                        const std::string& idempotency_key) {
  if (ids.empty()) return true;
  std::vector<SqlValue> params = values(ids);
  params.emplace_back(idempotency_key);
  const auto rows =
      sql.query("SELECT COUNT(*) FROM uploads WHERE id IN (" + placeholders(ids.size()) +
                    ") AND (submission_id IS NULL OR submission_id IN "
                    "(SELECT id FROM submissions WHERE idempotency_key = ?))",
                params);
  return std::stoll(rows.front()[0]) == static_cast<std::int64_t>(ids.size());
}

bool attach_uploads(SqlRunner& sql, const std::vector<std::string>& ids,
                    const std::string& submission_id) {
  if (ids.empty()) return true;
  std::vector<SqlValue> params{submission_id};
  for (const std::string& id : ids) params.emplace_back(id);
  return sql.execute(
             "UPDATE uploads SET submission_id = ? WHERE submission_id IS NULL AND id IN (" +
                 placeholders(ids.size()) + ")",
             params) == static_cast<int>(ids.size());
}

}  // namespace civic::server
