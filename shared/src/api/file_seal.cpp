#include "../envelope/encoding.hpp"
#include "civic/sealed_file.hpp"
#include "envelope_handlers.hpp"
#include "file_handlers.hpp"

namespace civic::api {

// file.seal {"content": base64 of the file, "public_key", "seed"} → {"upload", "header" (hex),
// "size", "sha256", "chunks": [base64 of each sealed chunk]} (civic/sealed_file.hpp). For
// vectors, tests and tools: a browser seals chunk by chunk through the Sealer class instead.
Json file_seal_handler(const Request& request) {
  auto content = request.string("content");
  if (!content) return failure(content.error());
  const std::optional<envelope::Bytes> bytes = envelope::from_base64(*content);
  if (!bytes) {
    return failure(
        Error{"api.bad_request",
              "/content",
              {"Полето „content“ трябва да е в base64", "The field \"content\" must be base64"},
              {{"field", "content"}}});
  }
  auto sealing = sealing_of(request);
  if (!sealing) return failure(sealing.error());
  auto sealer = sealed_file::Sealer::start(bytes->size(), sealing->key, *sealing.value().rng);
  if (!sealer) return failure(prefixed(sealer.error(), "/content"));

  Json chunks = Json::array();
  for (std::size_t i = 0; i < sealer->chunk_count(); ++i) {
    const std::span<const std::uint8_t> plaintext(bytes->data() + i * sealed_file::kChunkBytes,
                                                  sealed_file::plaintext_size(bytes->size(), i));
    chunks.push_back(envelope::to_base64(sealer.value().seal_chunk(i, plaintext).value()));
  }
  return Json{{"upload", sealer->upload_id()},
              {"header", envelope::to_hex(sealer->header().data(), sealer->header().size())},
              {"size", bytes->size()},
              {"sha256", sealer->sha256().value()},
              {"chunks", std::move(chunks)}};
}

}  // namespace civic::api
