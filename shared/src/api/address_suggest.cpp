#include <algorithm>

#include "address_handlers.hpp"
#include "civic/address.hpp"
#include "envelope_handlers.hpp"

namespace civic::api {

namespace {

Error bad(const char* field, const char* bg, const char* en) {
  return Error{"api.bad_request", std::string("/") + field, {bg, en}, {{"field", field}}};
}

}  // namespace

Json suggestion_to_json(const address::Suggestion& suggestion) {
  if (suggestion.kind == address::SuggestionKind::street) {
    const address::Street& street = *suggestion.street;
    return Json{{"kind", "street"},
                {"district", suggestion.district->id},
                {"label", street.type.empty() ? street.name : street.type + " " + street.name},
                {"settlement", street.settlement},
                {"type", street.type},
                {"name", street.name},
                {"numbers", street.numbers},
                {"postal_codes", street.postal_codes},
                {"address", address::to_json(suggestion.address)}};
  }
  const address::Block& block = *suggestion.block;
  return Json{{"kind", "block"},
              {"district", suggestion.district->id},
              {"label", block.complex.empty() ? std::string("бл. ").append(block.number)
                                              : block.complex + ", бл. " + block.number},
              {"settlement", block.settlement},
              {"complex", block.complex},
              {"block", block.number},
              {"entrances", block.entrances},
              {"postal_codes", block.postal_codes},
              {"address", address::to_json(suggestion.address)}};
}

Result<address::SuggestQuery> suggest_query(const Request& request) {
  auto text = request.string("query");
  if (!text) return text.error();
  auto district = request.optional_string("district");
  if (!district) return district.error();
  address::SuggestQuery query;
  query.text = *text;
  query.district = district->value_or("");
  const Json& body = request.body();
  if (auto kinds = body.find("kinds"); kinds != body.end()) {
    if (!kinds->is_array()) {
      return bad("kinds", "„kinds“ е списък от street и block",
                 "\"kinds\" is a list of street and block");
    }
    query.streets = std::find(kinds->begin(), kinds->end(), "street") != kinds->end();
    query.blocks = std::find(kinds->begin(), kinds->end(), "block") != kinds->end();
  }
  if (auto limit = body.find("limit"); limit != body.end()) {
    if (!limit->is_number_unsigned() || limit->get<size_t>() < 1 || limit->get<size_t>() > 50) {
      return bad("limit", "„limit“ е цяло число от 1 до 50",
                 "\"limit\" is a whole number from 1 to 50");
    }
    query.limit = limit->get<size_t>();
  }
  return query;
}

Json suggest_json(const Request& request, const address::Register& reg) {
  auto query = suggest_query(request);
  if (!query) return failure(query.error());
  Json suggestions = Json::array();
  for (const address::Suggestion& suggestion : address::suggest(*query, reg)) {
    suggestions.push_back(suggestion_to_json(suggestion));
  }
  return Json{{"suggestions", suggestions}};
}

// address.suggest {"query","register","district"?,"kinds"?: ["street","block"],"limit"?: 1..50}
//   → {"suggestions":[{"kind","district","label",...}]}
Json address_suggest_handler(const Request& request) {
  auto reg = register_of(request);
  if (!reg) return failure(reg.error());
  return suggest_json(request, *reg);
}

}  // namespace civic::api
