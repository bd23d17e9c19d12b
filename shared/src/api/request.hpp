// Typed access to a JSON request's fields, with API errors (internal to the api module).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civic/api.hpp"
#include "civic/date.hpp"

namespace civic::api {

class Request {
 public:
  explicit Request(const Json& body) : body_(body) {}

  // A required string field. Error api.bad_request naming the field otherwise.
  Result<std::string> string(const char* field) const;
  // An optional string field: nullopt when absent or null.
  Result<std::optional<std::string>> optional_string(const char* field) const;
  // A required JSON object field.
  Result<const Json*> object(const char* field) const;
  // A required "YYYY-MM-DD" field.
  Result<Date> date(const char* field) const;
  // The whole request object, for handlers that take JSON values as they are.
  const Json& body() const { return body_; }

 private:
  const Json& body_;
};

// {"error": <error>}, the shape of every failed call.
Json failure(const Error& error);

// [Error JSON...] with `prefix` put in front of each path.
Json errors_to_json(const std::vector<Error>& errors, const std::string& prefix = "");

Json check_id_handler(const Request& request);

}  // namespace civic::api
