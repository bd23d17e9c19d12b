#include "address_handlers.hpp"
#include "civic/address.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

Result<address::Register> register_of(const Request& request) {
  auto json = required_member(request, "register");
  if (!json) return json.error();
  auto reg = address::load_register(*json);
  if (!reg) return prefixed(reg.error(), "/register");
  return reg;
}

// address.validate {"address","register"} → {"valid","errors":[Error...]}; error paths point
// into "address".
Json address_validate_handler(const Request& request) {
  auto json = required_member(request, "address");
  if (!json) return failure(json.error());
  auto address = address::address_from_json(*json);
  if (!address) return failure(prefixed(address.error(), "/address"));
  auto reg = register_of(request);
  if (!reg) return failure(reg.error());
  Json errors = Json::array();
  for (Error& error : address::validate(*address, *reg)) {
    errors.push_back(error_to_json(prefixed(std::move(error), "/address")));
  }
  return Json{{"valid", errors.empty()}, {"errors", errors}};
}

}  // namespace civic::api
