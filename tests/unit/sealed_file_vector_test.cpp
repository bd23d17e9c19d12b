// The known answer of tests/vectors/sealed-file/three-chunks.json: a seeded Rng seals a file of
// three chunks to exactly its header, upload id, SHA-256 and sealed chunks (each named by size
// and SHA-256). wasm/tests/sealer.test.mjs checks the npm module's Sealer class against the
// same file, so the chunk-by-chunk path is byte-identical natively and in wasm.
#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "civic/api.hpp"
#include "civic/sealed_file.hpp"
#include "fixtures.hpp"

namespace civic::sealed_file {
namespace {

api::Json read_vector() {
  std::ifstream in(std::filesystem::path(CIVIC_VECTORS_DIR) / "sealed-file" / "three-chunks.json");
  std::stringstream text;
  text << in.rdbuf();
  return api::Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
}

// Plaintext chunk `index` of the vector's file: byte i of the file is i mod 251.
Bytes vector_chunk(std::uint64_t size, std::size_t index) {
  Bytes chunk(plaintext_size(size, index));
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    chunk[i] = static_cast<std::uint8_t>((std::uint64_t{index} * kChunkBytes + i) % 251);
  }
  return chunk;
}

using test::sha256_hex;

TEST(SealedFileVector, ASeededRngSealsThreeChunksToTheKnownBytes) {
  const api::Json vector = read_vector();
  ASSERT_TRUE(vector.is_object()) << "tests/vectors/sealed-file/three-chunks.json";
  const std::uint64_t size = vector["size"].get<std::uint64_t>();
  const auto key = envelope::parse_public_key(vector["public_key"].get<std::string>()).value();
  const auto seed = envelope::parse_secret_key(vector["seed"].get<std::string>()).value();
  SeededRng rng(seed);
  auto sealer = Sealer::start(size, key, rng).value();

  EXPECT_EQ(envelope::to_hex(sealer.header().data(), sealer.header().size()), vector["header"]);
  EXPECT_EQ(sealer.upload_id(), vector["upload"]);
  ASSERT_EQ(sealer.chunk_count(), vector["sealed_chunks"].size());
  for (std::size_t i = 0; i < sealer.chunk_count(); ++i) {
    const Bytes sealed = sealer.seal_chunk(i, vector_chunk(size, i)).value();
    EXPECT_EQ(sealed.size(), vector["sealed_chunks"][i]["size"].get<std::size_t>())
        << "chunk " << i;
    EXPECT_EQ(sha256_hex(sealed), vector["sealed_chunks"][i]["sha256"]) << "chunk " << i;
  }
  EXPECT_EQ(sealer.sha256().value(), vector["sha256"]);
}

}  // namespace
}  // namespace civic::sealed_file
