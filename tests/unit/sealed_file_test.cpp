#include "civic/sealed_file.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>

#include "fixtures.hpp"

namespace civic::sealed_file {
namespace {

constexpr std::uint64_t kKiB = 1024;

using test::bytes_of;

envelope::KeyPair municipality() {
  SeededRng rng(bytes_of(1));
  return envelope::generate_key_pair(rng);
}

// Plaintext chunk `index` of a test file of `size` bytes: made on demand, so a test never holds
// the whole file.
Bytes plaintext_chunk(std::uint64_t size, std::size_t index) {
  Bytes chunk(plaintext_size(size, index));
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const std::uint64_t at = std::uint64_t{index} * kChunkBytes + i;
    chunk[i] = static_cast<std::uint8_t>((at * 2654435761u) >> 13);
  }
  return chunk;
}

using test::sha256_hex;

struct SealedFile {
  std::uint64_t size;
  Header header;
  std::string upload_id;
  std::vector<Bytes> chunks;
  std::string sha256;
};

SealedFile seal_file(std::uint64_t size, std::uint8_t seed = 7) {
  SeededRng rng(bytes_of(seed));
  auto sealer = Sealer::start(size, municipality().public_key, rng);
  EXPECT_TRUE(sealer.ok());
  SealedFile out{size, sealer->header(), sealer->upload_id(), {}, {}};
  for (std::size_t i = 0; i < chunk_count(size); ++i) {
    out.chunks.push_back(sealer.value().seal_chunk(i, plaintext_chunk(size, i)).value());
  }
  out.sha256 = sealer->sha256().value();
  return out;
}

Opener opener_for(const SealedFile& file) {
  return Opener::start(file.header, file.size, municipality().secret_key).value();
}

TEST(SealedFile, ChunkSizesAreExact) {
  EXPECT_EQ(chunk_count(1), 1u);
  EXPECT_EQ(chunk_count(kChunkBytes - 1), 1u);
  EXPECT_EQ(chunk_count(kChunkBytes), 1u);
  EXPECT_EQ(chunk_count(kChunkBytes + 1), 2u);
  EXPECT_EQ(chunk_count(3 * kChunkBytes), 3u);
  EXPECT_EQ(chunk_count(kMaxSize), 16384u);
  // A file of exactly k chunks ends with a full chunk, not an empty one.
  EXPECT_EQ(plaintext_size(3 * kChunkBytes, 2), kChunkBytes);
  EXPECT_EQ(plaintext_size(2 * kChunkBytes + 5, 2), 5u);
  EXPECT_EQ(sealed_chunk_size(2 * kChunkBytes + 5, 0), kChunkBytes + kChunkOverhead);
  EXPECT_EQ(sealed_chunk_size(2 * kChunkBytes + 5, 2), 5u + kChunkOverhead);
  EXPECT_EQ(kChunkBytes, 256 * kKiB);
}

TEST(SealedFile, RoundTripsInAnyOrderWithTheSameSha256) {
  constexpr std::uint64_t kChunk = kChunkBytes;
  for (const std::uint64_t size :
       {std::uint64_t{1}, std::uint64_t{1000}, kChunk, 3 * kChunk, 2 * kChunk + 1}) {
    const SealedFile file = seal_file(size);
    ASSERT_EQ(file.chunks.size(), chunk_count(size));
    EXPECT_EQ(file.header.size(), kHeaderBytes);
    EXPECT_EQ(file.upload_id, upload_id(file.header));
    Bytes whole;
    for (std::size_t i = 0; i < file.chunks.size(); ++i) {
      EXPECT_EQ(file.chunks[i].size(), sealed_chunk_size(size, i));
      const Bytes plain = plaintext_chunk(size, i);
      whole.insert(whole.end(), plain.begin(), plain.end());
    }
    EXPECT_EQ(file.sha256, sha256_hex(whole)) << size;

    Opener forward = opener_for(file);
    for (std::size_t i = 0; i < file.chunks.size(); ++i) {
      EXPECT_EQ(forward.open_chunk(i, file.chunks[i]).value(), plaintext_chunk(size, i));
    }
    EXPECT_EQ(forward.sha256().value(), file.sha256);

    Opener backward = opener_for(file);
    for (std::size_t i = file.chunks.size(); i-- > 0;) {
      EXPECT_EQ(backward.open_chunk(i, file.chunks[i]).value(), plaintext_chunk(size, i));
    }
  }
}

TEST(SealedFile, UploadIdIsBlake2bOfTheDomainAndHeader) {
  const SealedFile file = seal_file(10);
  std::string message = "civickit-upload/1";
  message.append(file.header.begin(), file.header.end());
  std::uint8_t hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), nullptr, 0);
  EXPECT_EQ(file.upload_id, envelope::to_hex(hash, sizeof hash));
}

TEST(SealedFile, SameSeedSameBytesOtherSeedOtherBytes) {
  const SealedFile a = seal_file(kChunkBytes + 10, 7);
  const SealedFile b = seal_file(kChunkBytes + 10, 7);
  const SealedFile c = seal_file(kChunkBytes + 10, 8);
  EXPECT_EQ(a.header, b.header);
  EXPECT_EQ(a.chunks, b.chunks);
  EXPECT_NE(a.header, c.header);
  EXPECT_NE(a.upload_id, c.upload_id);
  EXPECT_NE(a.chunks[0], c.chunks[0]);
}

TEST(SealedFile, SealingAChunkAgainGivesTheSameBytes) {
  SeededRng rng(bytes_of(7));
  auto sealer = Sealer::start(kChunkBytes + 10, municipality().public_key, rng).value();
  const Bytes first = sealer.seal_chunk(1, plaintext_chunk(kChunkBytes + 10, 1)).value();
  EXPECT_EQ(sealer.seal_chunk(1, plaintext_chunk(kChunkBytes + 10, 1)).value(), first);
}

TEST(SealedFile, Sha256CountsOnlyChunksSealedInOrder) {
  const std::uint64_t size = 2 * kChunkBytes;
  SeededRng rng(bytes_of(7));
  auto sealer = Sealer::start(size, municipality().public_key, rng).value();
  ASSERT_TRUE(sealer.seal_chunk(1, plaintext_chunk(size, 1)).ok());
  ASSERT_TRUE(sealer.seal_chunk(0, plaintext_chunk(size, 0)).ok());
  EXPECT_EQ(sealer.sha256().error().code, "sealed_file.incomplete");
  ASSERT_TRUE(sealer.seal_chunk(1, plaintext_chunk(size, 1)).ok());
  EXPECT_EQ(sealer.sha256().value(), seal_file(size).sha256);
}

TEST(SealedFile, RefusesBadSizesAndIndices) {
  SeededRng rng(bytes_of(7));
  const envelope::KeyPair keys = municipality();
  EXPECT_EQ(Sealer::start(0, keys.public_key, rng).error().code, "sealed_file.bad_size");
  EXPECT_EQ(Sealer::start(kMaxSize + 1, keys.public_key, rng).error().code, "sealed_file.bad_size");
  const SealedFile file = seal_file(100);
  EXPECT_EQ(Opener::start(file.header, 0, keys.secret_key).error().code, "sealed_file.bad_size");

  auto sealer = Sealer::start(100, keys.public_key, rng).value();
  EXPECT_EQ(sealer.seal_chunk(1, Bytes(100)).error().code, "sealed_file.bad_index");
  EXPECT_EQ(sealer.seal_chunk(0, Bytes(99)).error().code, "sealed_file.bad_chunk_size");
  EXPECT_EQ(sealer.seal_chunk(0, Bytes(101)).error().code, "sealed_file.bad_chunk_size");

  Opener opener = opener_for(file);
  EXPECT_EQ(opener.open_chunk(1, file.chunks[0]).error().code, "sealed_file.bad_index");
  Bytes longer = file.chunks[0];
  longer.push_back(0);
  EXPECT_EQ(opener.open_chunk(0, longer).error().code, "sealed_file.bad_chunk_size");
  EXPECT_EQ(opener.open_chunk(0, std::span(file.chunks[0]).first(99)).error().code,
            "sealed_file.bad_chunk_size");
  EXPECT_EQ(opener.open_chunk(0, Bytes(3)).error().code, "sealed_file.bad_chunk_size");
}

TEST(SealedFile, RefusesAHeaderNotSealedToThisKeyOrAltered) {
  const SealedFile file = seal_file(100);
  SeededRng rng(bytes_of(9));
  const envelope::KeyPair other = envelope::generate_key_pair(rng);
  EXPECT_EQ(Opener::start(file.header, 100, other.secret_key).error().code,
            "sealed_file.bad_header");
  Header flipped = file.header;
  flipped[50] ^= 1;
  EXPECT_EQ(Opener::start(flipped, 100, municipality().secret_key).error().code,
            "sealed_file.bad_header");
  EXPECT_EQ(
      Opener::start(std::span(file.header).first(95), 100, municipality().secret_key).error().code,
      "sealed_file.bad_header");
  const Error error = Opener::start(flipped, 100, municipality().secret_key).error();
  EXPECT_FALSE(error.message.bg.empty());
  EXPECT_FALSE(error.message.en.empty());
}

TEST(SealedFile, RefusesAFlippedBitReorderedTruncatedOrResizedFile) {
  const std::uint64_t size = 3 * kChunkBytes;
  const SealedFile file = seal_file(size);

  Opener opener = opener_for(file);
  Bytes flipped = file.chunks[1];
  flipped[1234] ^= 0x10;
  EXPECT_EQ(opener.open_chunk(1, flipped).error().code, "sealed_file.chunk_invalid");
  Bytes flipped_tag = file.chunks[1];
  flipped_tag.back() ^= 1;
  EXPECT_EQ(opener.open_chunk(1, flipped_tag).error().code, "sealed_file.chunk_invalid");

  // Reordered: chunk 0 offered as chunk 1 (same length).
  EXPECT_EQ(opener.open_chunk(1, file.chunks[0]).error().code, "sealed_file.chunk_invalid");
  // Truncated: the header claimed for a file of two chunks, so chunk 1 would be the last.
  Opener truncated = Opener::start(file.header, 2 * kChunkBytes, municipality().secret_key).value();
  EXPECT_EQ(truncated.open_chunk(0, file.chunks[0]).error().code, "sealed_file.chunk_invalid");
  EXPECT_EQ(truncated.open_chunk(1, file.chunks[1]).error().code, "sealed_file.chunk_invalid");
  // Another file's chunk at the same index.
  const SealedFile other = seal_file(size, 8);
  EXPECT_EQ(opener.open_chunk(0, other.chunks[0]).error().code, "sealed_file.chunk_invalid");
  // A refused chunk changes nothing: the real ones still open.
  EXPECT_TRUE(opener.open_chunk(1, file.chunks[1]).ok());
}

TEST(SealedFile, TenMebibytesStreamOneChunkAtATime) {
  const std::uint64_t size = 10 * 1024 * kKiB;
  const envelope::KeyPair keys = municipality();
  SeededRng rng(bytes_of(7));
  auto sealer = Sealer::start(size, keys.public_key, rng).value();
  auto opener = Opener::start(sealer.header(), size, keys.secret_key).value();
  crypto_hash_sha256_state expected;
  crypto_hash_sha256_init(&expected);
  ASSERT_EQ(sealer.chunk_count(), 40u);
  for (std::size_t i = 0; i < sealer.chunk_count(); ++i) {
    const Bytes plain = plaintext_chunk(size, i);
    crypto_hash_sha256_update(&expected, plain.data(), plain.size());
    const Bytes sealed = sealer.seal_chunk(i, plain).value();
    ASSERT_EQ(opener.open_chunk(i, sealed).value(), plain) << i;
  }
  std::uint8_t digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&expected, digest);
  EXPECT_EQ(sealer.sha256().value(), envelope::to_hex(digest, sizeof digest));
  EXPECT_EQ(opener.sha256().value(), sealer.sha256().value());
}

TEST(SealedFile, AHeaderFromLibsodiumsOwnSealedBoxOpens) {
  // Another implementation may use crypto_box_seal directly: the format is the same.
  std::array<std::uint8_t, 48> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = static_cast<std::uint8_t>(i);
  Header header;
  crypto_box_seal(header.data(), keys.data(), keys.size(), municipality().public_key.data());
  Opener opener = Opener::start(header, 5, municipality().secret_key).value();
  // Chunk 0 of "hello", sealed by hand as docs/files.md says.
  const std::array<std::uint8_t, 5> plain = {'h', 'e', 'l', 'l', 'o'};
  std::array<std::uint8_t, 24> nonce{};
  std::copy_n(keys.begin() + 32, 16, nonce.begin());
  nonce[20] = 1;  // LE32(0) ‖ LE32(final = 1)
  const std::array<std::uint8_t, 8> ad = {5, 0, 0, 0, 0, 0, 0, 0};
  Bytes sealed(plain.size() + kChunkOverhead);
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), nullptr, plain.data(), plain.size(),
                                             ad.data(), ad.size(), nullptr, nonce.data(),
                                             keys.data());
  EXPECT_EQ(opener.open_chunk(0, sealed).value(), Bytes(plain.begin(), plain.end()));
  EXPECT_EQ(opener.sha256().value(), sha256_hex(plain));
}

}  // namespace
}  // namespace civic::sealed_file
