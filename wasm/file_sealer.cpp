#include "file_sealer.hpp"

#include <cmath>
#include <cstdint>
#include <span>
#include <utility>

#include "civic/api.hpp"
#include "civic/rng.hpp"

namespace civic::wasm {

namespace {

std::string refusal(const Error& error) {
  return api::dump(api::Json{{"error", api::error_to_json(error)}});
}

// A JavaScript number as a byte count; 0 (refused by the core as sealed_file.bad_size) when it
// is not a whole number in range.
std::uint64_t byte_count(double size) {
  const bool whole = std::isfinite(size) && size >= 1 && std::floor(size) == size &&
                     size <= static_cast<double>(sealed_file::kMaxSize);
  return whole ? static_cast<std::uint64_t>(size) : 0;
}

// A Uint8Array holding a copy of `bytes` (the view into wasm memory would move when it grows).
emscripten::val uint8_array(std::span<const std::uint8_t> bytes) {
  return emscripten::val(emscripten::typed_memory_view(bytes.size(), bytes.data()))
      .call<emscripten::val>("slice");
}

}  // namespace

FileSealer::FileSealer(double size, const std::string& public_key, const std::string& seed) {
  auto key = envelope::parse_public_key(public_key);
  if (!key) {
    error_ = refusal(key.error());
    return;
  }
  auto seed_bytes = envelope::parse_secret_key(seed);  // 32 bytes, the same form
  if (!seed_bytes) {
    error_ = refusal(Error{
        "api.bad_request",
        "/seed",
        {"Семето трябва да е 64 шестнадесетични цифри", "The seed must be 64 hexadecimal digits"},
        {{"field", "seed"}}});
    return;
  }
  SeededRng rng(seed_bytes.value());
  auto sealer = sealed_file::Sealer::start(byte_count(size), *key, rng);
  if (!sealer) {
    error_ = refusal(sealer.error());
    return;
  }
  sealer_.emplace(std::move(sealer.value()));
}

std::string FileSealer::status() const { return sealer_ ? R"({"ok":true})" : error_; }

emscripten::val FileSealer::header() const {
  return sealer_ ? uint8_array(sealer_->header()) : emscripten::val::null();
}

std::string FileSealer::upload_id() const { return sealer_ ? sealer_->upload_id() : ""; }

std::size_t FileSealer::chunk_count() const { return sealer_ ? sealer_->chunk_count() : 0; }

emscripten::val FileSealer::seal_chunk(std::size_t index, const std::string& plaintext) {
  if (!sealer_) return emscripten::val(error_);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(plaintext.data());
  auto sealed = sealer_->seal_chunk(index, std::span(bytes, plaintext.size()));
  if (!sealed) return emscripten::val(refusal(sealed.error()));
  return uint8_array(sealed.value());
}

std::string FileSealer::sha256() const {
  if (!sealer_) return error_;
  auto digest = sealer_->sha256();
  if (!digest) return refusal(digest.error());
  return api::dump(api::Json{{"sha256", digest.value()}});
}

}  // namespace civic::wasm
