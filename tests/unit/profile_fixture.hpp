// A small profile bundle for the profile and submission tests: two districts (one live),
// an address-change form whose computed "district" is district_of(new address), a policy.
#pragma once

#include "civic/profile.hpp"

namespace civic::testing {

inline profile::Json small_bundle() {
  return profile::Json::parse(R"json({
    "format": "civickit-profile/1", "id": "testville", "version": "2026.1",
    "name": {"bg": "Тест", "en": "Test"},
    "municipality": {"ekatte": "68134", "code": "SOF46", "name": {"bg": "София", "en": "Sofia"}},
    "districts": [
      {"id": "68134-16", "name": {"bg": "Студентски", "en": "Studentski"}, "live": true},
      {"id": "68134-01", "name": {"bg": "Средец", "en": "Sredets"}, "live": false}],
    "register": [
      {"district": "68134-16", "name": {"bg": "Студентски", "en": "Studentski"},
       "settlements": [{"ekatte": "68134", "name": "София", "postal_codes": ["1700", "1734"]}],
       "streets": [{"settlement": "68134", "type": "ул.", "name": "Акад. Борис Стефанов",
                    "numbers": ["1", "3", "5А"], "postal_codes": ["1700"]}],
       "blocks": [{"settlement": "68134", "complex": "Студентски град", "number": "8",
                   "entrances": ["А", "Б"], "postal_codes": ["1734"]}]}],
    "forms": [{
      "id": "address_change", "version": 2, "title": {"bg": "Адрес", "en": "Address"},
      "steps": [{"id": "main", "title": {"bg": "Данни", "en": "Details"}, "fields": [
        {"id": "egn", "type": "egn", "label": {"bg": "ЕГН", "en": "EGN"}, "required": true,
         "personal": true},
        {"id": "kind", "type": "choice", "label": {"bg": "Вид", "en": "Kind"}, "required": true,
         "options": [{"value": "permanent", "label": {"bg": "Постоянен", "en": "Permanent"}},
                     {"value": "current", "label": {"bg": "Настоящ", "en": "Current"}}]},
        {"id": "new_address", "type": "address", "label": {"bg": "Нов адрес", "en": "New address"},
         "required": true, "personal": true}]}],
      "computed": [{"id": "district", "value": "district_of(new_address)"}]
}],
    "policies": [{"id": "pb_voter", "version": 1, "title": {"bg": "Гласуване", "en": "Voting"},
                  "constants": {"min_age": 16},
                  "rules": [{"id": "old_enough", "check": "age(egn, today) >= min_age",
                             "reason": {"bg": "Трябва да сте навършили 16 години",
                                        "en": "You must be 16 or over"}}]}],
    "elections": [],
    "boundary": {"type": "Feature", "properties": {"source": "test square"},
                 "geometry": {"type": "Polygon",
                              "coordinates": [[[23, 42], [24, 42], [24, 43], [23, 43], [23, 42]]]}},
    "facts": {
  "pb_min_age" : { "value" : 16, "status" : "GUESS", "note" : "test" }
}
})json");
}

}  // namespace civic::testing
