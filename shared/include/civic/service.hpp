// civic/service.hpp — how an e-service presents itself in the municipality's catalogue.
//
// A form of the profile becomes a service of the catalogue by its "service" block
// (docs/forms.md "Service"); the profile names the life events that group them, and may
// describe the vote of its open elections the same way (docs/profile.md "Service catalogue").
// The catalogue itself is profile::catalogue_json (civic/profile.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civic/expr.hpp"
#include "civic/result.hpp"

namespace civic::service {

// What the service costs: a text ("No fee"), or the range of the fixed amounts in euro that
// the form computes (the computed values the block names).
struct Fee {
  std::optional<Message> text;
  std::optional<expr::Decimal> min_eur, max_eur;  // both set exactly when `text` is not
};

// The law the service rests on, with the page that states it ("" when none is sourced).
struct LegalBasis {
  Message text;
  std::string url;  // https://...
};

struct Service {
  std::string life_event;         // the id of one of the profile's life events
  Message summary;                // one sentence: what the service does
  std::vector<Message> you_need;  // what to have at hand, at least one item
  Message duration;               // how long it takes the municipality
  Fee fee;
  LegalBasis legal_basis;
};

// A group of the catalogue ("Moving home"), in the profile's order.
struct LifeEvent {
  std::string id;
  Message title;
};

}  // namespace civic::service
