// upload_storage.hpp — sealed uploads and their sealed chunks (schema version 7), written once
// over Storage::transact / Storage::read (sql_runner.hpp), so that SQLite and PostgreSQL run
// the same statements. Nothing here is ever plaintext: a header is the sealed box of the file
// key, a chunk is stored as it arrived (base64 of the sealed bytes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage.hpp"

namespace civic::server {

struct Upload {
  std::string id;      // hex(BLAKE2b-256("civickit-upload/1" ‖ header)), docs/files.md
  std::string header;  // hex of the 96-byte sealed header
  std::int64_t size = 0;
  std::int64_t chunks = 0;
  std::string created_at;
  std::string submission_id;  // "" while unattached
  std::string client;         // keyed hash of the uploader's address
};

// What create() did.
enum class UploadCreated { created, existing, too_many };
// What put_chunk() did.
enum class ChunkStored { stored, same, conflict, unknown_upload, attached };

class UploadStorage {
 public:
  explicit UploadStorage(Storage& storage) : storage_(storage) {}

  // Stores `upload` unless its id is stored (existing). A new one is refused (too_many) when
  // its client already holds `max_unattached` unattached uploads; the count and the insert
  // are one transaction.
  Result<UploadCreated> create(const Upload& upload, std::int64_t max_unattached);
  std::optional<Upload> find(const std::string& id);
  // The indices of the stored chunks, ascending.
  std::vector<std::int64_t> received(const std::string& id);
  // Stores sealed chunk `index` (base64) of unattached upload `id` unless a chunk is stored
  // there already: then `same` when it is these bytes, `conflict` when not (nothing stored).
  Result<ChunkStored> put_chunk(const std::string& id, std::int64_t index,
                                const std::string& sealed_base64);
  // The stored chunk (base64), if any.
  std::optional<std::string> chunk(const std::string& id, std::int64_t index);
  // Deletes unattached uploads created before `cutoff` (a UTC timestamp) with their chunks;
  // how many.
  Result<std::int64_t> sweep(const std::string& cutoff);

 private:
  Storage& storage_;
};

// Inside the transaction that stores submission `submission_id` under `idempotency_key`:
// whether every upload in `ids` exists and is unattached or already attached to the
// submission stored under that key (a retry of the same envelope).
bool uploads_attachable(SqlRunner& sql, const std::vector<std::string>& ids,
                        const std::string& idempotency_key);
// Attaches every upload in `ids` that is still unattached to `submission_id`; whether all
// of them were.
bool attach_uploads(SqlRunner& sql, const std::vector<std::string>& ids,
                    const std::string& submission_id);

}  // namespace civic::server
