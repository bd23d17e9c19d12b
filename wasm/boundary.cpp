#include "boundary.hpp"

#include <emscripten/emscripten.h>

#include <utility>

namespace civic::wasm {

namespace {

// The last answer and where it lies; a module answers one call at a time.
std::string last_answer;
Span last_span;

}  // namespace

const Span* answer(std::string value) {
  last_answer = std::move(value);
  last_span = {last_answer.data(), static_cast<std::uint32_t>(last_answer.size())};
  return &last_span;
}

const Span* answer(std::span<const std::uint8_t> bytes) {
  return answer(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::nullptr_t refuse(std::string refusal) {
  answer(std::move(refusal));
  return nullptr;
}

}  // namespace civic::wasm

extern "C" {

EMSCRIPTEN_KEEPALIVE const civic::wasm::Span* civic_call(const char* function,
                                                         std::size_t function_size,
                                                         const char* input,
                                                         std::size_t input_size) {
  return civic::wasm::answer(civic::wasm::call(civic::wasm::text(function, function_size),
                                               civic::wasm::text(input, input_size)));
}

// The last answer: after a null answer, the refusal.
EMSCRIPTEN_KEEPALIVE const civic::wasm::Span* civic_last_answer() {
  return &civic::wasm::last_span;
}

}  // extern "C"
