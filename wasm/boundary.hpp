// wasm/boundary.hpp — what crosses between JavaScript and the modules' C exports, without
// embind (js/boundary.js is the other side).
//
//   extern "C" EMSCRIPTEN_KEEPALIVE const civic::wasm::Span* civic_transliterate(
//       const char* input, std::size_t size) {
//     return civic::wasm::answer(civic::transliterate(civic::wasm::text(input, size)));
//   }
//
// Text comes in as the (pointer, length) of UTF-8 bytes the caller wrote into memory it
// allocated (malloc); it is read during the call only. Text or bytes go out as a Span that
// stays valid until the next answer of the same module: the caller copies it out at once.
// An export that may refuse answers null instead, and civic_last_answer() is then the
// refusal's {"error": ...} text.
// Objects a page keeps (a profile, a form session, a file sealer) are pointers the caller
// holds as opaque handles and frees with the matching *_delete export.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace civic::wasm {

// Where an answer lies in the module's memory: two 32-bit words in wasm32.
struct Span {
  const char* data;
  std::uint32_t size;
};

// The caller's bytes as text.
inline std::string_view text(const char* data, std::size_t size) { return {data, size}; }

// Keeps `value` until the next answer and returns where it lies.
const Span* answer(std::string value);
// Copies `bytes` likewise.
const Span* answer(std::span<const std::uint8_t> bytes);
// Keeps `refusal` ({"error": ...} text) as the last answer; returns null.
std::nullptr_t refuse(std::string refusal);

// The module's part of the JSON API (civic::api::call_citizen, call_tools or call_vote), which
// each module defines; exported as civic_call (Module.call in js/boundary.js).
std::string call(std::string_view function, std::string_view input_json);

}  // namespace civic::wasm
