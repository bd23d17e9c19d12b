#include "civic/sealed_file.hpp"

#include <sodium.h>

#include <algorithm>
#include <optional>

#include "../envelope/encoding.hpp"
#include "../envelope/sealed_box.hpp"

namespace civic::sealed_file {

namespace {

constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kPrefixBytes = 16;
constexpr std::string_view kUploadDomain = "civickit-upload/1";
static_assert(kKeyBytes == 32);
static_assert(kPrefixBytes + 8 == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kChunkOverhead == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kHeaderBytes == crypto_box_SEALBYTES + kKeyBytes + kPrefixBytes);

void put_le(std::uint8_t* out, std::uint64_t value, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

Error problem(const char* code, const char* bg, const char* en) {
  return Error{code, "", {bg, en}, nlohmann::ordered_json::object()};
}

Error bad_size() {
  return problem("sealed_file.bad_size", "Файлът трябва да е между 1 байт и 4 GiB",
                 "The file must be between 1 byte and 4 GiB");
}

Error bad_index() {
  return problem("sealed_file.bad_index", "Файлът няма част с този номер",
                 "The file has no part with this number");
}

Error bad_chunk_size() {
  return problem("sealed_file.bad_chunk_size", "Частта от файла е с грешна дължина",
                 "The part of the file has the wrong length");
}

}  // namespace

class ChunkCipher {
 public:
  ChunkCipher(std::uint64_t size, std::span<const std::uint8_t, kKeyBytes + kPrefixBytes> keys)
      : size_(size) {
    std::copy(keys.begin(), keys.end(), keys_.begin());
    crypto_hash_sha256_init(&sha256_);
  }
  ~ChunkCipher() { sodium_memzero(keys_.data(), keys_.size()); }
  ChunkCipher(const ChunkCipher&) = delete;
  ChunkCipher& operator=(const ChunkCipher&) = delete;

  Bytes seal(std::size_t index, std::span<const std::uint8_t> plaintext) {
    Bytes sealed(plaintext.size() + kChunkOverhead);
    const Nonce nonce = nonce_of(index);
    const AssociatedData ad = associated_data();
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), nullptr, plaintext.data(),
                                               plaintext.size(), ad.data(), ad.size(), nullptr,
                                               nonce.data(), key());
    hash_in_order(index, plaintext);
    return sealed;
  }

  // Nothing when the chunk does not authenticate.
  std::optional<Bytes> open(std::size_t index, std::span<const std::uint8_t> sealed) {
    Bytes plaintext(sealed.size() - kChunkOverhead);
    const Nonce nonce = nonce_of(index);
    const AssociatedData ad = associated_data();
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plaintext.data(), nullptr, nullptr,
                                                   sealed.data(), sealed.size(), ad.data(),
                                                   ad.size(), nonce.data(), key()) != 0) {
      return std::nullopt;
    }
    hash_in_order(index, plaintext);
    return plaintext;
  }

  Result<std::string> sha256() const {
    if (hashed_ != chunk_count(size_)) {
      return problem("sealed_file.incomplete",
                     "Контролната сума иска всички части на файла, подред",
                     "The checksum needs every part of the file, in order");
    }
    crypto_hash_sha256_state copy = sha256_;
    std::uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&copy, digest);
    return envelope::to_hex(digest, sizeof digest);
  }

 private:
  using Nonce = std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES>;
  using AssociatedData = std::array<std::uint8_t, 8>;

  const std::uint8_t* key() const { return keys_.data(); }

  Nonce nonce_of(std::size_t index) const {
    Nonce nonce{};
    std::copy_n(keys_.begin() + kKeyBytes, kPrefixBytes, nonce.begin());
    put_le(nonce.data() + kPrefixBytes, index, 4);
    put_le(nonce.data() + kPrefixBytes + 4, index + 1 == chunk_count(size_) ? 1 : 0, 4);
    return nonce;
  }

  AssociatedData associated_data() const {
    AssociatedData ad{};
    put_le(ad.data(), size_, ad.size());
    return ad;
  }

  void hash_in_order(std::size_t index, std::span<const std::uint8_t> plaintext) {
    if (index != hashed_) return;
    crypto_hash_sha256_update(&sha256_, plaintext.data(), plaintext.size());
    ++hashed_;
  }

  std::uint64_t size_;
  std::array<std::uint8_t, kKeyBytes + kPrefixBytes> keys_{};
  crypto_hash_sha256_state sha256_{};
  std::size_t hashed_ = 0;  // chunks 0..hashed_-1 are in sha256_
};

std::size_t chunk_count(std::uint64_t size) {
  return static_cast<std::size_t>((size + kChunkBytes - 1) / kChunkBytes);
}

std::size_t plaintext_size(std::uint64_t size, std::size_t index) {
  const std::uint64_t start = std::uint64_t{index} * kChunkBytes;
  return static_cast<std::size_t>(std::min<std::uint64_t>(kChunkBytes, size - start));
}

std::size_t sealed_chunk_size(std::uint64_t size, std::size_t index) {
  return plaintext_size(size, index) + kChunkOverhead;
}

std::string upload_id(std::span<const std::uint8_t, kHeaderBytes> header) {
  std::string message(kUploadDomain);
  message.append(reinterpret_cast<const char*>(header.data()), header.size());
  return envelope::blake2b_256_hex(message);
}

Result<Unit> check_size(std::uint64_t size) {
  if (size == 0 || size > kMaxSize) return bad_size();
  return Unit{};
}

Sealer::Sealer(std::uint64_t size, std::unique_ptr<ChunkCipher> cipher)
    : size_(size), cipher_(std::move(cipher)) {}
Sealer::Sealer(Sealer&&) noexcept = default;
Sealer& Sealer::operator=(Sealer&&) noexcept = default;
Sealer::~Sealer() = default;

Result<Sealer> Sealer::start(std::uint64_t size, const envelope::PublicKey& recipient, Rng& rng) {
  if (auto checked = check_size(size); !checked) return checked.error();
  std::array<std::uint8_t, kKeyBytes + kPrefixBytes> keys;
  rng.fill(keys);
  Sealer sealer(size, std::make_unique<ChunkCipher>(size, keys));
  const std::optional<envelope::Bytes> box = envelope::seal_box(
      std::string_view(reinterpret_cast<const char*>(keys.data()), keys.size()), recipient, rng);
  sodium_memzero(keys.data(), keys.size());
  if (!box) return envelope::unusable_key("");
  std::copy(box->begin(), box->end(), sealer.header_.begin());
  sealer.upload_id_ = sealed_file::upload_id(sealer.header_);
  return Result<Sealer>(std::move(sealer));
}

Result<Bytes> Sealer::seal_chunk(std::size_t index, std::span<const std::uint8_t> plaintext) {
  if (index >= chunk_count()) return bad_index();
  if (plaintext.size() != plaintext_size(size_, index)) return bad_chunk_size();
  return cipher_->seal(index, plaintext);
}

Result<std::string> Sealer::sha256() const { return cipher_->sha256(); }

Opener::Opener(std::uint64_t size, std::unique_ptr<ChunkCipher> cipher)
    : size_(size), cipher_(std::move(cipher)) {}
Opener::Opener(Opener&&) noexcept = default;
Opener& Opener::operator=(Opener&&) noexcept = default;
Opener::~Opener() = default;

Result<Opener> Opener::start(std::span<const std::uint8_t> header, std::uint64_t size,
                             const envelope::SecretKey& secret) {
  if (auto checked = check_size(size); !checked) return checked.error();
  std::optional<std::string> keys;
  if (header.size() == kHeaderBytes) {
    keys = envelope::open_box(envelope::Bytes(header.begin(), header.end()),
                              envelope::public_key_of(secret), secret);
  }
  if (!keys || keys->size() != kKeyBytes + kPrefixBytes) {
    return problem("sealed_file.bad_header",
                   "Заглавната част на файла е повредена или не е запечатана за тази община",
                   "The file's header is damaged or not sealed to this municipality");
  }
  auto cipher = std::make_unique<ChunkCipher>(
      size, std::span<const std::uint8_t, kKeyBytes + kPrefixBytes>(
                reinterpret_cast<const std::uint8_t*>(keys->data()), kKeyBytes + kPrefixBytes));
  sodium_memzero(keys->data(), keys->size());
  return Opener(size, std::move(cipher));
}

Result<Bytes> Opener::open_chunk(std::size_t index, std::span<const std::uint8_t> sealed) {
  if (index >= chunk_count()) return bad_index();
  if (sealed.size() != sealed_chunk_size(size_, index)) return bad_chunk_size();
  std::optional<Bytes> plaintext = cipher_->open(index, sealed);
  if (!plaintext) {
    return problem("sealed_file.chunk_invalid", "Част от файла е повредена или не е от този файл",
                   "A part of the file is damaged or does not belong to this file");
  }
  return std::move(*plaintext);
}

Result<std::string> Opener::sha256() const { return cipher_->sha256(); }

}  // namespace civic::sealed_file
