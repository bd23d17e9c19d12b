// Typed reading of untrusted JSON (internal to civic_core).
//
// nlohmann's value(), get<>(), at() and operator[] throw (or assert) when a member is missing or
// of another type; in wasm, built without -fexceptions, a throw aborts the module for the page's
// life. These look before they take: a wrong type reads as absent, never as a throw.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace civic::json_read {

using Json = nlohmann::ordered_json;

// `object`'s member `key`; nullptr when `object` is not an object or has no such member.
inline const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

// `object`'s string member `key`; nullptr when absent or not a string.
inline const std::string* string_member(const Json& object, std::string_view key) {
  const Json* value = member(object, key);
  return value != nullptr && value->is_string() ? value->get_ptr<const std::string*>() : nullptr;
}

// `object`'s string member `key`, or `fallback` when absent or not a string.
inline std::string string_or(const Json& object, std::string_view key,
                             std::string_view fallback = {}) {
  const std::string* value = string_member(object, key);
  return value != nullptr ? *value : std::string(fallback);
}

// `object`'s member `key`, or null when absent (a copy-free reference to a shared null).
inline const Json& member_or_null(const Json& object, std::string_view key) {
  static const Json kNull;
  const Json* value = member(object, key);
  return value != nullptr ? *value : kNull;
}

}  // namespace civic::json_read
