// civic/sealed_file.hpp — a citizen's file, sealed to the municipality chunk by chunk.
//
//   Sealer sealer = Sealer::start(size, municipality_key, rng).value();
//   upload(sealer.header(), sealer.upload_id());
//   for (std::size_t i = 0; i < chunk_count(size); ++i)
//     send(i, sealer.seal_chunk(i, read(i * kChunkBytes, plaintext_size(size, i))).value());
//   answer["sha256"] = sealer.sha256().value();
//
// Format civickit-sealed-file/1 (docs/files.md specifies the bytes for other implementations):
// a file of `size` bytes (1 ≤ size ≤ kMaxSize) is cut into n = ceil(size / kChunkBytes)
// chunks; chunk i is the plaintext bytes [i·kChunkBytes, min(size, (i+1)·kChunkBytes)).
//   header  = sealed box (the envelope's, civic/envelope.hpp) to the municipality's X25519 key
//             of file_key(32) ‖ nonce_prefix(16)  → kHeaderBytes bytes
//   chunk i = XChaCha20-Poly1305-IETF(key = file_key,
//             nonce = nonce_prefix ‖ LE32(i) ‖ LE32(i == n-1 ? 1 : 0), ad = LE64(size))
//             → plaintext length + kChunkOverhead bytes
//   upload id = hex(BLAKE2b-256("civickit-upload/1" ‖ header))
// The final flag refuses a truncated file, the index in the nonce a reordered one, the size in
// the associated data a header reused for another length. Only the holder of the file key
// (the sealing device) can make a chunk that authenticates; only the municipality can open one.
//
// A sealed chunk depends only on the header's keys and the chunk's index and bytes, so sealing
// the same chunk again gives the same bytes: a client that resends after a lost connection
// sends exactly what the server may already hold. No call ever needs the whole file in memory.
//
// Errors (stable codes): sealed_file.bad_size, sealed_file.bad_header, sealed_file.bad_index,
// sealed_file.bad_chunk_size, sealed_file.chunk_invalid (authentication failed),
// sealed_file.incomplete (sha256 asked before every chunk was seen in order).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "civic/envelope.hpp"
#include "civic/result.hpp"
#include "civic/rng.hpp"

namespace civic::sealed_file {

inline constexpr std::string_view kFormat = "civickit-sealed-file/1";
inline constexpr std::size_t kChunkBytes = 262144;  // plaintext bytes of every chunk but the last
inline constexpr std::size_t kChunkOverhead = 16;   // authentication tag of each sealed chunk
inline constexpr std::size_t kHeaderBytes = 96;     // 32 + 16 (box) + 48 (file_key ‖ prefix)
inline constexpr std::uint64_t kMaxSize = std::uint64_t{1} << 32;  // 4 GiB, 16384 chunks

using Bytes = std::vector<std::uint8_t>;
using Header = std::array<std::uint8_t, kHeaderBytes>;

// ceil(size / kChunkBytes). Precondition: 1 ≤ size ≤ kMaxSize.
std::size_t chunk_count(std::uint64_t size);
// Plaintext bytes of chunk `index` of a file of `size` bytes. Precondition: index < chunk_count.
std::size_t plaintext_size(std::uint64_t size, std::size_t index);
// plaintext_size + kChunkOverhead: the exact byte length of sealed chunk `index`.
std::size_t sealed_chunk_size(std::uint64_t size, std::size_t index);

// hex(BLAKE2b-256("civickit-upload/1" ‖ header)): 64 lower-case hex digits naming an upload.
std::string upload_id(std::span<const std::uint8_t, kHeaderBytes> header);

// 1 ≤ size ≤ kMaxSize, else sealed_file.bad_size.
Result<Unit> check_size(std::uint64_t size);

// One file's keys (file_key ‖ nonce_prefix, wiped when dropped) and running SHA-256 (internal).
class ChunkCipher;

// Seals one file to a municipality, chunk by chunk, in any order.
class Sealer {
 public:
  // Draws file_key(32) ‖ nonce_prefix(16), then the sealed box's ephemeral key (32), from
  // `rng`: a seeded Rng gives byte-identical output natively and in wasm.
  // Errors: sealed_file.bad_size, envelope.bad_key (a recipient key of low order).
  static Result<Sealer> start(std::uint64_t size, const envelope::PublicKey& recipient, Rng& rng);

  const Header& header() const { return header_; }
  const std::string& upload_id() const { return upload_id_; }
  std::uint64_t size() const { return size_; }
  std::size_t chunk_count() const { return sealed_file::chunk_count(size_); }

  // Sealed chunk `index` of `plaintext` (exactly plaintext_size(size, index) bytes).
  // Errors: sealed_file.bad_index, sealed_file.bad_chunk_size.
  Result<Bytes> seal_chunk(std::size_t index, std::span<const std::uint8_t> plaintext);

  // hex SHA-256 of the whole file, once chunks 0..n-1 were sealed in that order (chunks sealed
  // again or out of order do not count). Error sealed_file.incomplete before that.
  Result<std::string> sha256() const;

  Sealer(Sealer&&) noexcept;
  Sealer& operator=(Sealer&&) noexcept;
  ~Sealer();

 private:
  Sealer(std::uint64_t size, std::unique_ptr<ChunkCipher> cipher);
  std::uint64_t size_;
  std::unique_ptr<ChunkCipher> cipher_;
  Header header_{};
  std::string upload_id_;
};

// Opens one sealed file with the municipality's secret key, chunk by chunk, in any order.
class Opener {
 public:
  // Errors: sealed_file.bad_size, sealed_file.bad_header (not kHeaderBytes long, or not sealed
  // to this key pair, or altered).
  static Result<Opener> start(std::span<const std::uint8_t> header, std::uint64_t size,
                              const envelope::SecretKey& secret);

  std::size_t chunk_count() const { return sealed_file::chunk_count(size_); }

  // The plaintext of sealed chunk `index`. Errors: sealed_file.bad_index,
  // sealed_file.bad_chunk_size (not sealed_chunk_size(size, index) bytes),
  // sealed_file.chunk_invalid (altered, another file's, another index's, or the final flag wrong).
  Result<Bytes> open_chunk(std::size_t index, std::span<const std::uint8_t> sealed);

  // As Sealer::sha256, over the chunks opened in order 0..n-1.
  Result<std::string> sha256() const;

  Opener(Opener&&) noexcept;
  Opener& operator=(Opener&&) noexcept;
  ~Opener();

 private:
  Opener(std::uint64_t size, std::unique_ptr<ChunkCipher> cipher);
  std::uint64_t size_;
  std::unique_ptr<ChunkCipher> cipher_;
};

}  // namespace civic::sealed_file
