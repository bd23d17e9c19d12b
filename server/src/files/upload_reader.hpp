// upload_reader.hpp — a stored upload, opened chunk by chunk with the municipality's key:
// only one chunk's plaintext is in memory at a time, and it is never written anywhere.
#pragma once

#include <string>
#include <utility>

#include "civic/sealed_file.hpp"
#include "files/upload_storage.hpp"

namespace civic::server {

class UploadReader {
 public:
  // Errors: the sealed_file.* errors of a header that does not open (a stored upload always
  // opens: its header was opened before it was stored).
  static Result<UploadReader> open(UploadStorage& storage, const Upload& upload,
                                   const envelope::SecretKey& secret);

  std::size_t chunk_count() const { return opener_.chunk_count(); }
  // The plaintext of chunk `index`. Errors: upload.chunk_missing when it is not stored, and
  // the sealed_file.* errors of a chunk that does not open.
  Result<sealed_file::Bytes> chunk(std::size_t index);
  // The SHA-256 of the whole file, once chunks 0..n-1 were read in order.
  Result<std::string> sha256() const { return opener_.sha256(); }

 private:
  UploadReader(UploadStorage& storage, std::string id, sealed_file::Opener opener)
      : storage_(&storage), id_(std::move(id)), opener_(std::move(opener)) {}
  UploadStorage* storage_;
  std::string id_;
  sealed_file::Opener opener_;
};

}  // namespace civic::server
