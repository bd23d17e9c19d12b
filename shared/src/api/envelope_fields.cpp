#include "envelope_handlers.hpp"

namespace civic::api {

Result<Json> required_member(const Request& request, const char* field) {
  const auto it = request.body().find(field);
  if (it == request.body().end()) {
    return Error{"api.bad_request",
                 std::string("/") + field,
                 {std::string("Липсва полето „") + field + "“",
                  std::string("The field \"") + field + "\" is missing"},
                 {{"field", field}}};
  }
  return *it;
}

}  // namespace civic::api
