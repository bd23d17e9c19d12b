// How a call finds its function (internal to the api module): tables from name to handler,
// one per part of the core that a build may link alone. The wasm package links each table
// into its own module (civickit.wasm: citizen, civickit-tools.wasm: tools, civickit-vote.wasm:
// vote), so a page that changes an address downloads neither the tools nor the vote code;
// the native core links all three.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "request.hpp"

namespace civic::api {

using Handler = Json (*)(const Request&);
struct HandlerEntry {
  std::string_view name;
  Handler handler;
};
// A constant array of entries, names unique within it; at most a few dozen, searched in turn
// (nothing to build on the first call).
using HandlerTable = std::span<const HandlerEntry>;

// What a citizen's pages call: identifiers, text, references, files' media types, receipts,
// certificates, canonical JSON and one-off form validation. (The loaded profile, form sessions
// and the file sealer, which those pages use most, are classes of their own, not functions.)
HandlerTable citizen_table();
// Everything else but the vote's: registers as JSON and their import, envelopes (sealing,
// opening, keys, hashes), expressions, form definitions, standalone eligibility policies and
// profile bundles: authoring, operator and server tools.
HandlerTable tools_table();
// The vote.* functions (docs/vote-spec.md §10) and geo.inside (the voter's location).
HandlerTable vote_table();

// call_json over the first table that knows `function`; api.unknown_function if none does.
Json call_json_in(std::initializer_list<HandlerTable> tables, std::string_view function,
                  const Json& input);
// call over the same tables: parses strictly, dispatches, serialises.
std::string call_in(std::initializer_list<HandlerTable> tables, std::string_view function,
                    std::string_view input_json);

}  // namespace civic::api
