// C exports of civickit.wasm for sealing a file in the browser: the core's
// sealed_file::Sealer as an opaque handle (js/citizen.js wraps it, js/index.mjs gives it as
// `FileSealer`). Plaintext and sealed chunks cross as bytes, never as JSON or hex; a refusal
// is a null answer whose {"error": ...} text is civic_last_answer().
#include <emscripten/emscripten.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

#include "boundary.hpp"
#include "civic/api.hpp"
#include "civic/rng.hpp"
#include "civic/sealed_file.hpp"

namespace {

using civic::sealed_file::Sealer;
using civic::wasm::answer;
using civic::wasm::Span;
using civic::wasm::text;

std::nullptr_t refuse(const civic::Error& error) {
  return civic::wasm::refuse(
      civic::api::dump(civic::api::Json{{"error", civic::api::error_to_json(error)}}));
}

// A JavaScript number as a byte count; 0 (refused by the core as sealed_file.bad_size) when it
// is not a whole number in range.
std::uint64_t byte_count(double size) {
  const bool whole = std::isfinite(size) && size >= 1 && std::floor(size) == size &&
                     size <= static_cast<double>(civic::sealed_file::kMaxSize);
  return whole ? static_cast<std::uint64_t>(size) : 0;
}

}  // namespace

extern "C" {

// A file of `size` bytes sealed to `public_key` (64 hex digits, the municipality's X25519
// key) with randomness from `seed` (64 hex digits, a SeededRng: the caller draws it from the
// platform's CSPRNG; a fixed seed gives fixed bytes). Refused (null): sealed_file.bad_size,
// envelope.bad_key, api.bad_request (the seed).
EMSCRIPTEN_KEEPALIVE Sealer* civic_sealer_new(double size, const char* public_key,
                                              std::size_t public_key_size, const char* seed,
                                              std::size_t seed_size) {
  auto key = civic::envelope::parse_public_key(text(public_key, public_key_size));
  if (!key) return refuse(key.error());
  auto seed_bytes = civic::envelope::parse_secret_key(text(seed, seed_size));  // the same form
  if (!seed_bytes) {
    return refuse(civic::Error{
        "api.bad_request",
        "/seed",
        {"Семето трябва да е 64 шестнадесетични цифри", "The seed must be 64 hexadecimal digits"},
        {{"field", "seed"}}});
  }
  civic::SeededRng rng(seed_bytes.value());
  auto sealer = Sealer::start(byte_count(size), *key, rng);
  if (!sealer) return refuse(sealer.error());
  return new Sealer(std::move(sealer).value());
}
EMSCRIPTEN_KEEPALIVE void civic_sealer_delete(Sealer* sealer) { delete sealer; }

// The 96-byte header, the upload id (64 lower-case hex digits) and the number of chunks.
EMSCRIPTEN_KEEPALIVE const Span* civic_sealer_header(const Sealer* sealer) {
  return answer(sealer->header());
}
EMSCRIPTEN_KEEPALIVE const Span* civic_sealer_upload_id(const Sealer* sealer) {
  return answer(sealer->upload_id());
}
EMSCRIPTEN_KEEPALIVE std::size_t civic_sealer_chunk_count(const Sealer* sealer) {
  return sealer->chunk_count();
}

// Sealed chunk `index` of `plaintext` (exactly that chunk's plaintext bytes). Refused (null):
// sealed_file.bad_index, sealed_file.bad_chunk_size.
EMSCRIPTEN_KEEPALIVE const Span* civic_sealer_seal_chunk(Sealer* sealer, std::size_t index,
                                                         const std::uint8_t* plaintext,
                                                         std::size_t size) {
  auto sealed = sealer->seal_chunk(index, std::span(plaintext, size));
  if (!sealed) return refuse(sealed.error());
  return answer(sealed.value());
}

// The file's SHA-256 (hex) once chunks 0..n-1 were sealed in order. Refused (null):
// sealed_file.incomplete.
EMSCRIPTEN_KEEPALIVE const Span* civic_sealer_sha256(const Sealer* sealer) {
  auto digest = sealer->sha256();
  if (!digest) return refuse(digest.error());
  return answer(std::move(digest).value());
}

// Plaintext bytes of every chunk but the last.
EMSCRIPTEN_KEEPALIVE std::size_t civic_sealed_file_chunk_bytes() {
  return civic::sealed_file::kChunkBytes;
}

}  // extern "C"
