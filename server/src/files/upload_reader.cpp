#include "files/upload_reader.hpp"

#include "files/chunk_text.hpp"

namespace civic::server {

Result<UploadReader> UploadReader::open(UploadStorage& storage, const Upload& upload,
                                        const envelope::SecretKey& secret) {
  const auto header = from_hex(upload.header, sealed_file::kHeaderBytes);
  auto opener = sealed_file::Opener::start(header ? *header : std::vector<std::uint8_t>{},
                                           static_cast<std::uint64_t>(upload.size), secret);
  if (!opener) return opener.error();
  return UploadReader(storage, upload.id, std::move(opener).value());
}

Result<sealed_file::Bytes> UploadReader::chunk(std::size_t index) {
  const auto text = storage_->chunk(id_, static_cast<std::int64_t>(index));
  const auto sealed = text ? from_base64(*text) : std::nullopt;
  if (!sealed) {
    return Error{"upload.chunk_missing",
                 "",
                 {"Част от файла липсва на сървъра", "A part of the file is missing on the server"},
                 {{"index", index}}};
  }
  return opener_.open_chunk(index, *sealed);
}

}  // namespace civic::server
