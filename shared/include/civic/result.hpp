// civic/result.hpp — errors as values.
//
// Every fallible function in civic_core returns Result<T>: either a value or an Error.
// Nothing throws across a module or wasm boundary, and nothing aborts on bad input.
#pragma once

#include <cstdlib>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>
#include <utility>

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

// A value or an Error, held in place (a tagged union: smaller code than std::variant, whose
// visitation tables and checked access every instantiation would carry). Reading the side a
// Result does not hold is a programming error and aborts, as std::get would.
template <typename T>
class [[nodiscard]] Result {
  static_assert(std::is_nothrow_move_constructible_v<T>,
                "a Result moves its value without throwing");

 public:
  Result(T value) : ok_(true), value_(std::move(value)) {}       // NOLINT: implicit by design
  Result(Error error) : ok_(false), error_(std::move(error)) {}  // NOLINT: implicit by design
  Result(const Result& other) : ok_(other.ok_) { construct(other); }
  Result(Result&& other) noexcept : ok_(other.ok_) { construct(std::move(other)); }
  // Copy first, then move in: a copy that throws leaves this Result as it was.
  Result& operator=(const Result& other) {
    if (this != &other) *this = Result(other);
    return *this;
  }
  Result& operator=(Result&& other) noexcept {
    if (this != &other) {
      destroy();
      ok_ = other.ok_;
      construct(std::move(other));
    }
    return *this;
  }
  ~Result() { destroy(); }

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  const T& value() const& {
    expect(ok_);
    return value_;
  }
  T& value() & {
    expect(ok_);
    return value_;
  }
  T&& value() && {
    expect(ok_);
    return std::move(value_);
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  const Error& error() const& {
    expect(!ok_);
    return error_;
  }
  Error&& error() && {
    expect(!ok_);
    return std::move(error_);
  }

 private:
  static void expect(bool precondition) {
    if (!precondition) std::abort();
  }

  // Builds the member `other` holds (ok_ already says which) in this uninitialised storage.
  template <typename Other>
  void construct(Other&& other) {
    if (ok_) {
      ::new (static_cast<void*>(&value_)) T(std::forward<Other>(other).value_);
    } else {
      ::new (static_cast<void*>(&error_)) Error(std::forward<Other>(other).error_);
    }
  }
  void destroy() {
    if (ok_) {
      value_.~T();
    } else {
      error_.~Error();
    }
  }

  bool ok_;
  union {
    T value_;
    Error error_;
  };
};

}  // namespace civic
