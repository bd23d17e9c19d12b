// JSON API handlers of the address and geo modules (internal to the api module):
//   address.validate {"address","register"}                      → {"valid","errors"}
//   address.suggest  {"query","register","district"?,"kinds"?,"limit"?} → {"suggestions"}
//   geo.inside       {"point":[x,y],"polygon": GeoJSON}          → {"inside","location"}
//   register.import  {"district","csv"}                          → report + {"register"}
#pragma once

#include "civic/address.hpp"
#include "request.hpp"

namespace civic::api {

Json address_validate_handler(const Request& request);
Json address_suggest_handler(const Request& request);
Json geo_inside_handler(const Request& request);
Json register_import_handler(const Request& request);

// address.suggest on a register already loaded: {"query","district"?,"kinds"?,"limit"?}
//   → {"suggestions":[{"kind":"street","district","label","settlement","type","name","numbers",
//      "postal_codes","address"} | {"kind":"block","district","label","settlement","complex",
//      "block","entrances","postal_codes","address"}]}; "address" is what choosing it fills in.
Json suggest_json(const Request& request, const address::Register& reg);

// The query of an address.suggest request; api.bad_request for a bad "kinds" or "limit".
Result<address::SuggestQuery> suggest_query(const Request& request);

// One suggestion as address.suggest returns it.
Json suggestion_to_json(const address::Suggestion& suggestion);

// The request's "register" member (one district object or an array of them), loaded.
Result<address::Register> register_of(const Request& request);

}  // namespace civic::api
