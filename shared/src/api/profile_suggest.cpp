#include "address_handlers.hpp"
#include "profile_handlers.hpp"

namespace civic::api {

namespace {

Json place_to_json(const profile::Place& place) {
  return Json{{"kind", place.kind == profile::Place::Kind::complex ? "place" : "settlement"},
              {"district", place.district->id},
              {"label", place.name},
              {"settlement", place.address.settlement},
              {"address", address::to_json(place.address)}};
}

}  // namespace

Json profile_suggest_json(const Request& request, const profile::Profile& profile) {
  auto query = suggest_query(request);
  if (!query) return failure(query.error());
  Json suggestions = Json::array();
  for (const address::Suggestion& suggestion :
       address::suggest(*query, profile.address_register())) {
    suggestions.push_back(suggestion_to_json(suggestion));
  }
  if (suggestions.size() < query->limit) {
    for (const profile::Place& place :
         profile.places(query->text, query->limit - suggestions.size())) {
      suggestions.push_back(place_to_json(place));
    }
  }
  return Json{{"suggestions", suggestions}};
}

}  // namespace civic::api
