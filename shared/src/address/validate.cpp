// Validation of an address against the district register.
#include <algorithm>
#include <array>
#include <utility>

#include "civic/address.hpp"
#include "civic/text.hpp"

namespace civic::address {

namespace {

Error problem(const char* code, std::string path, const char* bg, const char* en,
              Json params = Json::object()) {
  return Error{code, std::move(path), {bg, en}, std::move(params)};
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool in_settlement(const std::string& entry, const std::string& wanted) {
  return wanted.empty() || entry.empty() || entry == wanted;
}

// fold_for_search(typed), read from `folded` (the folded forms of `names`) when `typed` is one
// of `names` as written: most addresses are picked from suggestions, and folding is the costly
// part of a look-up.
template <typename Entry, typename Keys>
std::string folded_as(std::string_view typed, const std::vector<Entry>& entries,
                      std::string Entry::*name, const std::vector<Keys>& keys,
                      std::string Keys::*folded) {
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].*name == typed) return keys[i].*folded;
  }
  return fold_for_search(typed);
}

const Street* find_street(const DistrictRegister& district, const Address& address) {
  const SearchKeys& keys = district.keys();
  const std::string key = folded_as(address.street, district.streets, &Street::name, keys.streets,
                                    &SearchKeys::StreetKeys::name);
  for (size_t i = 0; i < district.streets.size(); ++i) {
    const Street& street = district.streets[i];
    if ((keys.streets[i].name == key || keys.streets[i].key == key) &&
        in_settlement(street.settlement, address.settlement)) {
      return &street;
    }
  }
  return nullptr;
}

const Block* find_block(const DistrictRegister& district, const Address& address,
                        const std::string& number) {
  const SearchKeys& keys = district.keys();
  const std::string complex = address.complex.empty()
                                  ? std::string()
                                  : folded_as(address.complex, district.blocks, &Block::complex,
                                              keys.blocks, &SearchKeys::BlockKeys::complex);
  for (size_t i = 0; i < district.blocks.size(); ++i) {
    const Block& block = district.blocks[i];
    if (block.number == number && in_settlement(block.settlement, address.settlement) &&
        (complex.empty() || keys.blocks[i].complex == complex)) {
      return &block;
    }
  }
  return nullptr;
}

// Format checks that need no register.
void check_formats(const Address& address, std::vector<Error>& errors) {
  if (!address.entrance.empty() && !is_entrance(normalise_number(address.entrance))) {
    errors.push_back(problem("address.entrance_format", "/entrance",
                             "Входът се пише с една главна буква или число, например А или 2",
                             "Enter the entrance as one capital letter or a number, like А or 2"));
  }
  if (!address.floor.empty() && !is_floor(address.floor)) {
    errors.push_back(problem("address.floor_format", "/floor",
                             "Етажът трябва да е число от -5 до 99",
                             "The floor must be a number from -5 to 99"));
  }
  if (!address.apartment.empty() && !is_apartment(normalise_number(address.apartment))) {
    errors.push_back(
        problem("address.apartment_format", "/apartment",
                "Апартаментът се пише с число и по желание буква, например 9 или 9А",
                "Enter the apartment as a number and an optional letter, like 9 or 9А"));
  }
  if (!address.postal_code.empty() && !is_postal_code(address.postal_code)) {
    errors.push_back(problem("address.postal_code_format", "/postal_code",
                             "Пощенският код трябва да е 4 цифри, например 1700",
                             "A postal code must be 4 digits, like 1700"));
  }
}

// Postal codes the matched street, block or settlement accepts (null or empty: unknown).
void check_postal_code(const Address& address, const std::vector<std::string>* accepted,
                       std::vector<Error>& errors) {
  if (address.postal_code.empty() || !is_postal_code(address.postal_code) || !accepted ||
      accepted->empty() || contains(*accepted, address.postal_code)) {
    return;
  }
  errors.push_back(problem(
      "address.postal_code_mismatch", "/postal_code", "Пощенският код не съответства на адреса",
      "The postal code does not match the address", {{"expected", *accepted}}));
}

}  // namespace

std::vector<Error> validate(const Address& address, const Register& reg) {
  std::vector<Error> errors;
  const DistrictRegister* district = reg.find(address.district);
  if (district == nullptr) {
    errors.push_back(problem("address.district_unknown", "/district", "Изберете район от списъка",
                             "Choose a district from the list"));
  }
  const Settlement* settlement = nullptr;
  if (district != nullptr && !address.settlement.empty()) {
    for (const Settlement& candidate : district->settlements) {
      if (candidate.ekatte == address.settlement) settlement = &candidate;
    }
    if (settlement == nullptr) {
      errors.push_back(problem("address.settlement_unknown", "/settlement",
                               "Населеното място не е в избрания район",
                               "The settlement is not in the chosen district"));
    }
  }

  const std::string number = normalise_number(address.number);
  const std::string block_number = normalise_number(address.block);
  const bool has_street = !address.street.empty();
  if (!has_street && block_number.empty()) {
    errors.push_back(problem("address.street_or_block_required", "",
                             "Въведете улица и номер или блок",
                             "Enter a street and number, or a block"));
  } else if (has_street && number.empty() && block_number.empty()) {
    errors.push_back(problem("address.number_required", "/number", "Въведете номер на сградата",
                             "Enter the building number"));
  }
  if (!number.empty() && !is_building_number(number)) {
    errors.push_back(problem("address.number_format", "/number",
                             "Номерът се пише с число и по желание буква, например 5 или 5А",
                             "Enter the number as a number and an optional letter, like 5 or 5А"));
  }
  if (!block_number.empty() && !is_building_number(block_number)) {
    errors.push_back(problem("address.number_format", "/block",
                             "Блокът се пише с число и по желание буква, например 12 или 12А",
                             "Enter the block as a number and an optional letter, like 12 or 12А"));
  }

  const std::vector<std::string>* accepted_codes = nullptr;  // the first match's that has any
  if (district != nullptr && has_street) {
    const Street* street = find_street(*district, address);
    if (street == nullptr) {
      errors.push_back(problem("address.street_unknown", "/street",
                               "Няма такава улица в избрания район",
                               "There is no such street in the chosen district"));
    } else {
      accepted_codes = &street->postal_codes;
      if (!number.empty() && is_building_number(number) && !street->numbers.empty() &&
          !contains(street->numbers, number)) {
        errors.push_back(problem("address.number_unknown", "/number",
                                 "На тази улица няма сграда с такъв номер",
                                 "There is no building with this number on this street"));
      }
    }
  }
  if (district != nullptr && !block_number.empty() && is_building_number(block_number)) {
    const Block* block = find_block(*district, address, block_number);
    if (block == nullptr) {
      errors.push_back(problem("address.block_unknown", "/block",
                               "Няма такъв блок в избрания район",
                               "There is no such block in the chosen district"));
    } else {
      if (!accepted_codes || accepted_codes->empty()) accepted_codes = &block->postal_codes;
      const std::string entrance = normalise_number(address.entrance);
      if (!entrance.empty() && is_entrance(entrance) && !block->entrances.empty() &&
          !contains(block->entrances, entrance)) {
        errors.push_back(problem("address.entrance_unknown", "/entrance", "Блокът няма такъв вход",
                                 "The block has no such entrance",
                                 {{"entrances", block->entrances}}));
      }
    }
  }
  check_formats(address, errors);
  if ((!accepted_codes || accepted_codes->empty()) && settlement != nullptr) {
    accepted_codes = &settlement->postal_codes;
  }
  check_postal_code(address, accepted_codes, errors);
  return errors;
}

namespace {

// The JSON members of an Address, in the order of the struct.
constexpr std::array<std::pair<std::string_view, std::string Address::*>, 11> members() {
  return {{{"district", &Address::district},
           {"settlement", &Address::settlement},
           {"complex", &Address::complex},
           {"street_type", &Address::street_type},
           {"street", &Address::street},
           {"number", &Address::number},
           {"block", &Address::block},
           {"entrance", &Address::entrance},
           {"floor", &Address::floor},
           {"apartment", &Address::apartment},
           {"postal_code", &Address::postal_code}}};
}

}  // namespace

Result<Address> address_from_json(const Json& json) {
  if (!json.is_object()) {
    return Error{"address.bad_request",
                 "",
                 {"Адресът трябва да е обект", "The address must be an object"},
                 Json::object()};
  }
  // One pass over the object's members (each found by its name), then the parts in struct order.
  static constexpr auto parts = members();
  std::array<const Json*, parts.size()> found{};
  for (const auto& [key, value] : json.get_ref<const Json::object_t&>()) {
    for (size_t i = 0; i < parts.size(); ++i) {
      if (key == parts[i].first) {
        found[i] = &value;
        break;
      }
    }
  }
  Address out;
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& [name, member] = parts[i];
    const Json* it = found[i];
    if (it == nullptr || it->is_null()) continue;
    if (!it->is_string()) {
      return Error{"address.bad_request",
                   "/" + std::string(name),
                   {"Частите на адреса трябва да са текст", "Address parts must be strings"},
                   {{"field", std::string(name)}}};
    }
    out.*member = it->get_ref<const std::string&>();
  }
  return out;
}

Json to_json(const Address& address) {
  Json out = Json::object();
  for (const auto& [name, member] : members()) {
    if (!(address.*member).empty()) out[std::string(name)] = address.*member;
  }
  return out;
}

}  // namespace civic::address
