// civic/result.hpp — errors as values.
//
// Every fallible function in civic_core returns Result<T>: either a value or an Error.
// Nothing throws across a module or wasm boundary, and nothing aborts on bad input.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <variant>

namespace civic {

// A message shown to a person, in Bulgarian (first) and English.
struct Message {
  std::string bg;
  std::string en;
};

// One reason an input was refused.
//   code    stable, machine-readable ("egn.checksum"); never shown to a citizen.
//   path    JSON pointer to the offending input ("" for the whole input).
//   message what to tell the person, in both languages.
//   params  facts behind the message ({"expected_length": 10}), for UIs that rephrase.
struct Error {
  std::string code;
  std::string path;
  Message message;
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
};

// ERROR as reported by a part that sits at PREFIX (a JSON pointer) of what was read.
inline Error prefixed(Error error, const std::string& prefix) {
  error.path.insert(0, prefix);
  return error;
}

// Placeholder value for Result<Unit>, a result that carries no value.
struct Unit {};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  const Error& error() const& { return std::get<Error>(state_); }
  Error&& error() && { return std::get<Error>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace civic
