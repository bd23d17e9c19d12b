// Typed reads of JSON fields for the vote module's parsers (internal).
// Every failure is an Error with a JSON-pointer path; nothing throws.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "civic/result.hpp"
#include "civic/vote/group.hpp"
#include "civic/vote/manifest.hpp"

// Binds `name` to the value of a Result expression, or returns its Error.
#define CIVIC_TRY(name, expr)                                  \
  auto name##_result = (expr);                                 \
  if (!name##_result) return std::move(name##_result).error(); \
  auto& name = name##_result.value()

// Returns the Error of a Result<Unit> expression, if any.
#define CIVIC_CHECK(expr)                                      \
  do {                                                         \
    auto check_result = (expr);                                \
    if (!check_result) return std::move(check_result).error(); \
  } while (false)

namespace civic::vote::detail {

Error shape_error(const std::string& code, const std::string& path, const char* expected_en,
                  const char* expected_bg);

// The object at `json`, refusing keys outside `allowed` (code <prefix>.unknown_field).
Result<Unit> expect_object(const Json& json, const std::string& path,
                           std::initializer_list<std::string_view> allowed,
                           const std::string& prefix);

Result<const Json*> field(const Json& object, const char* name, const std::string& path,
                          const std::string& prefix);
Result<std::string> string_field(const Json& object, const char* name, const std::string& path,
                                 const std::string& prefix);
Result<std::uint64_t> uint_field(const Json& object, const char* name, const std::string& path,
                                 const std::string& prefix, std::uint64_t max);
Result<const Json*> array_field(const Json& object, const char* name, const std::string& path,
                                const std::string& prefix);

Result<Point> point_field(const Json& object, const char* name, const std::string& path,
                          const std::string& prefix, Identity identity = Identity::refused);
Result<Scalar> scalar_field(const Json& object, const char* name, const std::string& path,
                            const std::string& prefix);
// An Ed25519 voter credential (parse_credential).
Result<Bytes32> credential_field(const Json& object, const char* name, const std::string& path,
                                 const std::string& prefix);
// A hex string of exactly out.size() bytes (code <prefix>.bad_hex).
Result<Unit> hex_field(const Json& object, const char* name, const std::string& path,
                       const std::string& prefix, std::span<std::uint8_t> out);

}  // namespace civic::vote::detail
