// civic/api.hpp — the JSON face of civic_core.
//
// Every operation that crosses a process or language boundary (CLI, wasm, server)
// goes through here, so the browser and the server produce byte-identical JSON for
// the same input. Inputs and outputs are JSON texts; output is compact, with keys in
// a fixed documented order and no insignificant whitespace.
//
// call() never throws. On a malformed request it returns
//   {"error":{"code":...,"path":...,"message":{"bg":...,"en":...},"params":{...}}}
// with code api.bad_json, api.too_deep, api.bad_request or api.unknown_function; natively, an
// exception escaping a function becomes api.internal (in wasm it would abort: the functions'
// typed reading of their input is what prevents it).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "civic/identity.hpp"
#include "civic/result.hpp"

namespace civic::api {

// Functions (input → output), documented in docs/api.md:
//   id.check      {"number", "kind"?, "today"}  → {"input","kind","valid","code",
//                                                   "birth_date","sex","message"}
//   text.translit {"text"}                      → {"text"}
//   text.fold     {"text"}                      → {"text"}
std::string call(std::string_view function, std::string_view input_json);

// The API in three parts, each linked alone (the wasm package's civickit.wasm, -tools, -vote):
// call_citizen knows what a citizen's pages call (id.check, text.*, reference.parse,
// file.media_type, receipt.verify, certificate.verify, envelope.canonicalize, form.validate),
// call_vote vote.* and geo.inside (the voter's location), call_tools every other one; any
// other name is api.unknown_function. Same bytes as call() for what they know.
std::string call_citizen(std::string_view function, std::string_view input_json);
std::string call_tools(std::string_view function, std::string_view input_json);
std::string call_vote(std::string_view function, std::string_view input_json);

using Json = nlohmann::ordered_json;

// The name of every function call() knows, sorted.
std::vector<std::string> functions();

// The same, on parsed values (the server and CLI use these to avoid a re-parse).
Json call_json(std::string_view function, const Json& input);

// The output of id.check for `number` (the CLI streams registers through this).
Json id_check_to_json(std::string_view number, const IdCheck& check);

// Serialises an Error as the API does: {"code","path","message":{"bg","en"},"params"}.
Json error_to_json(const Error& error);

// Compact UTF-8 serialisation used for every API output (invalid UTF-8 → U+FFFD).
std::string dump(const Json& value);

}  // namespace civic::api
