// The places of districts without a register: read from the bundle, found by what the
// citizen types, and what recognises the district of an address.
#include <algorithm>
#include <optional>

#include "../address/match.hpp"
#include "civic/text.hpp"
#include "state.hpp"

namespace civic::profile {

namespace {

constexpr int kNoMatch = 3;
constexpr size_t kTypoMinLength = 4;

Error bad(const std::string& path, const char* expected_bg, const char* expected_en) {
  return Error{"profile.bad_bundle",
               path,
               {std::string("Профилът е неправилен: тук се очаква ") + expected_bg,
                std::string("The profile is malformed: expected ") + expected_en},
               {{"expected", expected_en}}};
}

bool is_strings(const Json& json) {
  return json.is_array() &&
         std::all_of(json.begin(), json.end(), [](const Json& item) { return item.is_string(); });
}

std::optional<address::Settlement> settlement_of(const Json& json) {
  if (!json.is_object() || !json.value("ekatte", Json()).is_string() ||
      !json.value("name", Json()).is_string() ||
      !is_strings(json.value("postal_codes", Json::array()))) {
    return std::nullopt;
  }
  return address::Settlement{
      json["ekatte"].get<std::string>(), json["name"].get<std::string>(),
      json.value("postal_codes", Json::array()).get<std::vector<std::string>>()};
}

struct Found {
  int rank;
  const PlaceEntry* entry;
};

bool before(const Found& a, const Found& b) {
  if (a.rank != b.rank) return a.rank < b.rank;
  if (a.entry->kind != b.entry->kind) return a.entry->kind < b.entry->kind;
  if (a.entry->key != b.entry->key) return address::natural_less(a.entry->key, b.entry->key);
  return a.entry < b.entry;
}

// Every place matching as typed, or (typo) give or take one typo.
std::vector<Found> find(const Core& core, const std::string& name, bool typo) {
  std::vector<Found> found;
  for (const PlaceEntry& entry : core.places) {
    const int rank = !typo ? address::rank_in(entry.key, name)
                     : name.size() >= kTypoMinLength && address::one_typo_from(entry.key, name)
                         ? 0
                         : kNoMatch;
    if (rank != kNoMatch) found.push_back({rank, &entry});
  }
  return found;
}

Place place_of(const Core& core, const PlaceEntry& entry, const address::TypedAddress& typed) {
  const District& district = core.districts[entry.district];
  Place place{entry.kind, &district, entry.name, {}};
  address::Address& a = place.address;
  a.district = district.id;
  a.settlement = entry.settlement;
  if (entry.kind == Place::Kind::complex) {
    a.complex = entry.name;
    a.block = typed.block.empty() ? typed.number : typed.block;
    a.entrance = typed.entrance;
    a.floor = typed.floor;
    a.apartment = typed.apartment;
  } else if (entry.postal_codes.size() == 1) {
    a.postal_code = entry.postal_codes.front();
  }
  return place;
}

}  // namespace

void read_places(const Json& item, const std::string& path, District& district,
                 std::vector<Error>& errors) {
  if (const auto list = item.find("settlements"); list != item.end()) {
    if (!list->is_array()) errors.push_back(bad(path + "/settlements", "списък", "an array"));
    for (size_t i = 0; list->is_array() && i < list->size(); ++i) {
      auto settlement = settlement_of((*list)[i]);
      if (settlement) {
        district.settlements.push_back(std::move(*settlement));
      } else {
        errors.push_back(bad(path + "/settlements/" + std::to_string(i),
                             "{\"ekatte\", \"name\", \"postal_codes\"}",
                             "{\"ekatte\", \"name\", \"postal_codes\"}"));
      }
    }
  }
  if (const auto list = item.find("places"); list != item.end()) {
    if (is_strings(*list)) {
      district.places = list->get<std::vector<std::string>>();
    } else {
      errors.push_back(bad(path + "/places", "списък от имена", "an array of names"));
    }
  }
}

void index_places(Core& core) {
  for (size_t i = 0; i < core.districts.size(); ++i) {
    const District& district = core.districts[i];
    if (district.live) continue;
    for (const std::string& name : district.places) {
      core.places.push_back({Place::Kind::complex, i, name, core.city, {}, fold_for_search(name)});
    }
    for (const address::Settlement& settlement : district.settlements) {
      if (settlement.ekatte == core.city) continue;
      core.places.push_back({Place::Kind::settlement, i, settlement.name, settlement.ekatte,
                             settlement.postal_codes, fold_for_search(settlement.name)});
    }
  }
}

const District* district_of_place(const Core& core, const address::Address& address) {
  for (const District& district : core.districts) {
    if (!address.district.empty() && district.id == address.district) return &district;
  }
  if (!address.district.empty()) return nullptr;
  if (!address.settlement.empty() && address.settlement != core.city) {
    for (const District& district : core.districts) {
      for (const address::Settlement& settlement : district.settlements) {
        if (settlement.ekatte == address.settlement) return &district;
      }
    }
  }
  if (!address.complex.empty()) {
    const std::string key = fold_for_search(address.complex);
    for (const PlaceEntry& entry : core.places) {
      if (entry.kind == Place::Kind::complex && entry.key == key) {
        return &core.districts[entry.district];
      }
    }
  }
  return nullptr;
}

std::vector<Place> Profile::places(std::string_view text, size_t limit) const {
  const Core& core = *impl_->core;
  const address::TypedAddress typed = address::read_typed(text);
  std::vector<Place> out;
  if (typed.name.empty()) return out;
  for (const bool typo : {false, true}) {
    if (!out.empty()) break;
    std::vector<Found> found = find(core, typed.name, typo);
    const size_t keep = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                      before);
    for (size_t i = 0; i < keep; ++i) out.push_back(place_of(core, *found[i].entry, typed));
  }
  return out;
}

}  // namespace civic::profile
