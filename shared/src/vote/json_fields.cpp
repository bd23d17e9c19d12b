#include "json_fields.hpp"

namespace civic::vote::detail {

Error shape_error(const std::string& code, const std::string& path, const char* expected_en,
                  const char* expected_bg) {
  return Error{code,
               path,
               {std::string("Очаква се ") + expected_bg, std::string("Expected ") + expected_en},
               {{"expected", expected_en}}};
}

Result<Unit> expect_object(const Json& json, const std::string& path,
                           std::initializer_list<std::string_view> allowed,
                           const std::string& prefix) {
  if (!json.is_object()) return shape_error(prefix + ".shape", path, "an object", "обект");
  for (const auto& item : json.items()) {
    bool known = false;
    for (std::string_view name : allowed) known = known || item.key() == name;
    if (!known) {
      return Error{prefix + ".unknown_field",
                   path + "/" + item.key(),
                   {"Непознато поле", "Unknown field"},
                   {{"field", item.key()}}};
    }
  }
  return Unit{};
}

Result<const Json*> field(const Json& object, const char* name, const std::string& path,
                          const std::string& prefix) {
  const auto it = object.find(name);
  if (it == object.end()) {
    return Error{prefix + ".missing_field",
                 path + "/" + name,
                 {"Липсва задължително поле", "A required field is missing"},
                 {{"field", name}}};
  }
  return &*it;
}

Result<std::string> string_field(const Json& object, const char* name, const std::string& path,
                                 const std::string& prefix) {
  auto value = field(object, name, path, prefix);
  if (!value) return std::move(value).error();
  if (!(*value)->is_string()) {
    return shape_error(prefix + ".shape", path + "/" + name, "a string", "текст");
  }
  return (*value)->get<std::string>();
}

Result<std::uint64_t> uint_field(const Json& object, const char* name, const std::string& path,
                                 const std::string& prefix, std::uint64_t max) {
  auto value = field(object, name, path, prefix);
  if (!value) return std::move(value).error();
  // Built in C++, a positive literal is a signed integer; parsed from text, unsigned.
  const bool non_negative = (*value)->is_number_unsigned() ||
                            ((*value)->is_number_integer() && (*value)->get<std::int64_t>() >= 0);
  if (!non_negative || (*value)->get<std::uint64_t>() > max) {
    Error error = shape_error(prefix + ".shape", path + "/" + name, "a non-negative integer",
                              "цяло неотрицателно число");
    error.params["max"] = max;
    return error;
  }
  return (*value)->get<std::uint64_t>();
}

Result<const Json*> array_field(const Json& object, const char* name, const std::string& path,
                                const std::string& prefix) {
  auto value = field(object, name, path, prefix);
  if (!value) return std::move(value).error();
  if (!(*value)->is_array()) {
    return shape_error(prefix + ".shape", path + "/" + name, "an array", "масив");
  }
  return value;
}

Result<Point> point_field(const Json& object, const char* name, const std::string& path,
                          const std::string& prefix, Identity identity) {
  auto text = string_field(object, name, path, prefix);
  if (!text) return std::move(text).error();
  return parse_point(*text, path + "/" + name, identity);
}

Result<Scalar> scalar_field(const Json& object, const char* name, const std::string& path,
                            const std::string& prefix) {
  auto text = string_field(object, name, path, prefix);
  if (!text) return std::move(text).error();
  return parse_scalar(*text, path + "/" + name);
}

Result<Bytes32> credential_field(const Json& object, const char* name, const std::string& path,
                                 const std::string& prefix) {
  auto text = string_field(object, name, path, prefix);
  if (!text) return std::move(text).error();
  return parse_credential(*text, path + "/" + name);
}

Result<Unit> hex_field(const Json& object, const char* name, const std::string& path,
                       const std::string& prefix, std::span<std::uint8_t> out) {
  auto text = string_field(object, name, path, prefix);
  if (!text) return std::move(text).error();
  if (!from_hex(*text, out)) {
    Error error = shape_error(prefix + ".bad_hex", path + "/" + name, "hexadecimal bytes",
                              "шестнадесетични байтове");
    error.params["bytes"] = out.size();
    return error;
  }
  return Unit{};
}

}  // namespace civic::vote::detail
