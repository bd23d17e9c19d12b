// wasm/file_sealer.hpp — the core's sealed_file::Sealer as the browser holds it (embind class
// `Sealer`, wrapped by js/index.mjs as `FileSealer`): plaintext and sealed chunks cross as
// Uint8Array, never as JSON or hex; a refusal is a value ({"error": ...} text), never thrown.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <optional>
#include <string>

#include "civic/sealed_file.hpp"

namespace civic::wasm {

class FileSealer {
 public:
  // A file of `size` bytes (a JavaScript number) sealed to `public_key` (64 hex digits, the
  // municipality's X25519 key) with randomness from `seed` (64 hex digits, a SeededRng: the
  // caller draws it from the platform's CSPRNG; a fixed seed gives fixed bytes). A refused
  // request (sealed_file.bad_size, envelope.bad_key, api.bad_request) leaves the handle
  // unusable: status() says why.
  FileSealer(double size, const std::string& public_key, const std::string& seed);

  // {"ok":true}, or {"error": ...}.
  std::string status() const;
  // The 96-byte header (a new Uint8Array).
  emscripten::val header() const;
  // The upload id: 64 lower-case hex digits.
  std::string upload_id() const;
  std::size_t chunk_count() const;
  // Sealed chunk `index` of `plaintext` (a Uint8Array of exactly that chunk's plaintext
  // bytes) as a new Uint8Array, or the refusal's {"error": ...} text.
  emscripten::val seal_chunk(std::size_t index, const std::string& plaintext);
  // {"sha256": hex} once chunks 0..n-1 were sealed in order, else {"error": ...}.
  std::string sha256() const;

 private:
  std::optional<sealed_file::Sealer> sealer_;
  std::string error_;  // {"error": ...} when the request was refused
};

}  // namespace civic::wasm
