// civic/address.hpp — Bulgarian addresses: the per-district register, validation and
// autocomplete.
//
// An address in a city district is either street + number or (residential complex +)
// block, with optional entrance, floor and apartment (Civil Registration Act: область,
// община, населено място, street / ж.к. / кв., number, вход, етаж, апартамент). The
// register lists, per district, its settlements, streets with their building numbers and
// blocks with their entrances, each with postal codes. Registers are data: JSON in a
// profile bundle (docs/register-csv.md also defines the operators' CSV).
#pragma once

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "civic/result.hpp"

namespace civic::address {

using Json = nlohmann::ordered_json;

// One address as a citizen enters it. Empty = not given.
struct Address {
  std::string district;     // "68134-16"
  std::string settlement;   // EKATTE code "68134"; empty = any settlement of the district
  std::string complex;      // ж.к. / кв. name, "Студентски град"
  std::string street_type;  // "ул.", "бул.", "пл." (informative: matching uses the name)
  std::string street;       // "Акад. Борис Стефанов"
  std::string number;       // "5", "5А"
  std::string block;        // "12", "12А"
  std::string entrance;     // "А", "1"
  std::string floor;        // "-1" .. "99"
  std::string apartment;    // "9", "9А"
  std::string postal_code;  // "1700"
};

struct Settlement {
  std::string ekatte;  // 5 digits
  std::string name;
  std::vector<std::string> postal_codes;
};

struct Street {
  std::string settlement;
  std::string type;
  std::string name;
  std::vector<std::string> numbers;  // normalised: upper case, no spaces
  std::vector<std::string> postal_codes;
};

struct Block {
  std::string settlement;
  std::string complex;
  std::string number;  // normalised
  std::vector<std::string> entrances;
  std::vector<std::string> postal_codes;
};

// What suggest() and validate() match against: each street's and block's names folded
// (fold_for_search), in the order of the district's `streets` and `blocks`.
struct SearchKeys {
  struct StreetKeys {
    std::string key;   // fold_for_search(type + " " + name)
    std::string name;  // fold_for_search(name)
  };
  struct BlockKeys {
    std::string complex;        // fold_for_search(complex)
    std::string complex_block;  // fold_for_search(complex + " бл. " + number)
  };
  std::vector<StreetKeys> streets;
  std::vector<BlockKeys> blocks;
};

struct DistrictRegister;

// A district's SearchKeys, folded on first use rather than at load (loading a profile then
// costs no folding; a district nobody searches is never folded). Safe to use from several
// threads at once: the first use folds, once. A copy folds its own on its first use.
class LazySearchKeys {
 public:
  LazySearchKeys() = default;
  LazySearchKeys(const LazySearchKeys&) {}
  LazySearchKeys& operator=(const LazySearchKeys&);
  LazySearchKeys(LazySearchKeys&& other) noexcept;
  LazySearchKeys& operator=(LazySearchKeys&& other) noexcept;
  ~LazySearchKeys();

  const SearchKeys& get(const DistrictRegister& district) const;

 private:
  struct State {
    std::once_flag once;
    SearchKeys keys;
  };
  std::unique_ptr<State> state_ = std::make_unique<State>();
};

struct DistrictRegister {
  std::string id;  // "68134-16"
  std::string name_bg;
  std::string name_en;
  std::vector<Settlement> settlements;
  std::vector<Street> streets;
  std::vector<Block> blocks;

  // The folded names of `streets` and `blocks` as they are at the first call: fill them in
  // before searching.
  const SearchKeys& keys() const { return search_keys.get(*this); }
  LazySearchKeys search_keys;
};

struct Register {
  std::vector<DistrictRegister> districts;
  const DistrictRegister* find(std::string_view district) const;
};

// Loads one district register object or an array of them (format in docs/register-csv.md,
// "JSON form"). Errors register.bad_json with the path of the offending member.
Result<Register> load_register(const Json& json);
// The JSON form of a register (what load_register reads).
Json to_json(const DistrictRegister& district);

// Normalises a building or block number: upper case, spaces removed ("5 а" → "5А").
std::string normalise_number(std::string_view number);

// Every problem with `address`, in a fixed order; empty when valid. Codes:
//   address.district_unknown, address.settlement_unknown, address.street_or_block_required,
//   address.number_required, address.number_format, address.street_unknown,
//   address.number_unknown, address.block_unknown, address.entrance_format,
//   address.entrance_unknown, address.floor_format, address.apartment_format,
//   address.postal_code_format, address.postal_code_mismatch
std::vector<Error> validate(const Address& address, const Register& reg);

// Reads an Address from JSON (string members as in the struct; others ignored).
// Error address.bad_request when a member is not a string.
Result<Address> address_from_json(const Json& json);

// The non-empty parts of an address, in the order of the struct (what address_from_json reads).
Json to_json(const Address& address);

// What a citizen typed into the address finder, read into parts: a street or complex name,
// then a number and "бл.", "вх.", "ет.", "ап." with their values, in any order:
//   "Витоша 12"               → name "vitosha", number "12"
//   "ж.к. Яворов бл. 3 вх. б" → prefix "zhk", name "yavorov", block "3", entrance "Б"
// Words and the prefix are in fold_for_search form; the values are normalised like
// normalise_number (floor: as typed). Words after the parts are ignored ("Витоша 12 в" is
// "Витоша 12" while "вх." is being typed).
struct TypedAddress {
  std::string prefix;  // "ul", "bul", "pl" (a street), "zhk", "kv" (a complex), or empty
  std::string name;    // the words of the name, without the prefix
  std::string number;  // the first number after the name: a building or a block number
  std::string block;
  std::string entrance;
  std::string floor;
  std::string apartment;
  bool blocks_only = false;  // "бл." typed, with or without its number
};
TypedAddress read_typed(std::string_view text);

enum class SuggestionKind { street, block };

struct Suggestion {
  SuggestionKind kind;
  const DistrictRegister* district;
  const Street* street;  // when kind == street
  const Block* block;    // when kind == block
  // What choosing it fills in: district, settlement, the street or complex and block, the
  // postal code when the entry has exactly one, and the number, entrance, floor and apartment
  // the citizen typed ("Витоша 12" fills number "12").
  Address address;
};

struct SuggestQuery {
  std::string text;
  std::string district;  // preferred district: its entries come first
  bool streets = true;
  bool blocks = true;
  size_t limit = 10;
};

// Streets and blocks matching what the citizen typed (read_typed), script- and
// case-insensitive (fold_for_search). A street word (ул., бул., пл.) asks for streets only, a
// complex word (ж.к., жк, кв.) or "бл." for blocks only. A typed number ranks the streets
// that have it first; with a block (the number after a complex name, or "бл. N") only blocks
// whose number starts with it are suggested, that very block first. Order: the preferred
// district first, then name prefix before word prefix before infix, then the typed number
// present before not, then by key with numbers compared as numbers (бл. 2 before бл. 10).
// When nothing matches as typed, the entries one typo away (a letter missing, added, changed
// or two neighbours swapped; names of 4 letters or more) are suggested, in the same order.
// Text with neither a name nor a block suggests nothing.
std::vector<Suggestion> suggest(const SuggestQuery& query, const Register& reg);

// Format checks, shared by validation and the CSV import.
bool is_postal_code(std::string_view text);            // 4 digits
bool is_building_number(std::string_view normalised);  // 1–4 digits + optional Cyrillic letter
bool is_entrance(std::string_view text);   // one Cyrillic capital letter or 1–2 digits
bool is_floor(std::string_view text);      // integer −5 … 99
bool is_apartment(std::string_view text);  // 1–4 digits + optional Cyrillic letter

}  // namespace civic::address
