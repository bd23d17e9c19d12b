// How a call finds its function (internal to the api module): tables from name to handler,
// one per part of the core that a build may link alone. The wasm package links each table
// into its own module (civickit.wasm: services, civickit-vote.wasm: vote), so a page that
// changes an address never downloads the vote code; the native core links both.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "request.hpp"

namespace civic::api {

using Handler = Json (*)(const Request&);
using HandlerTable = std::map<std::string_view, Handler, std::less<>>;

// Every function but vote.*: identifiers, text, addresses, forms, profiles, envelopes,
// receipts, references, expressions, eligibility.
const HandlerTable& service_table();
// The vote.* functions (docs/vote-spec.md §10).
const HandlerTable& vote_table();

// call_json over the first table that knows `function`; api.unknown_function if none does.
Json call_json_in(std::initializer_list<const HandlerTable*> tables, std::string_view function,
                  const Json& input);
// call over the same tables: parses strictly, dispatches, serialises.
std::string call_in(std::initializer_list<const HandlerTable*> tables, std::string_view function,
                    std::string_view input_json);

}  // namespace civic::api
