// The JSON form of a district register (docs/register-csv.md).
#include <algorithm>

#include "../core/json_read.hpp"
#include "civic/address.hpp"
#include "join.hpp"

namespace civic::address {

namespace {

Error bad_json(std::string path, const char* expected_bg, const char* expected_en) {
  return Error{"register.bad_json",
               std::move(path),
               {join({"Регистърът на адресите е повреден: ", expected_bg}),
                join({"The address register is damaged: ", expected_en})},
               Json::object()};
}

// Reads the string member `name` of `object` (empty when absent).
Result<std::string> text(const Json& object, const char* name, const std::string& path,
                         bool required) {
  const auto it = object.find(name);
  if (it == object.end()) {
    if (required) return bad_json(join({path, "/", name}), "липсва поле", "a member is missing");
    return std::string();
  }
  if (!it->is_string())
    return bad_json(join({path, "/", name}), "очаква се текст", "a string expected");
  return it->get<std::string>();
}

// A building or block number as normalise_number gives it; most are plain digits already.
std::string as_normalised(const std::string& number) {
  const bool digits =
      std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? number : normalise_number(number);
}

// The strings of the list member `name` (none when absent), normalised numbers when `numbers`.
Result<std::vector<std::string>> texts(const Json& object, const char* name,
                                       const std::string& path, bool numbers = false) {
  const auto it = object.find(name);
  std::vector<std::string> out;
  if (it == object.end()) return out;
  if (!it->is_array()) {
    return bad_json(join({path, "/", name}), "очаква се списък", "a list expected");
  }
  out.reserve(it->size());
  for (const Json& item : *it) {
    if (!item.is_string()) {
      return bad_json(join({path, "/", name}), "очаква се списък от текстове",
                      "a list of strings expected");
    }
    const auto& text = item.get_ref<const std::string&>();
    out.push_back(numbers ? as_normalised(text) : text);
  }
  return out;
}

template <typename T, typename ReadOne>
Result<std::vector<T>> list_of(const Json& object, const char* name, const std::string& path,
                               ReadOne read_one) {
  std::vector<T> out;
  const auto it = object.find(name);
  if (it == object.end()) return out;
  if (!it->is_array())
    return bad_json(join({path, "/", name}), "очаква се списък", "a list expected");
  out.reserve(it->size());
  std::string item_path = join({path, "/", name, "/"});  // + the index, one buffer for all
  const size_t prefix = item_path.size();
  for (size_t i = 0; i < it->size(); ++i) {
    item_path.resize(prefix);
    item_path += std::to_string(i);
    if (!(*it)[i].is_object()) return bad_json(item_path, "очаква се обект", "an object expected");
    auto item = read_one((*it)[i], item_path);
    if (!item) return item.error();
    out.push_back(std::move(item).value());
  }
  return out;
}

Result<Settlement> settlement_of(const Json& json, const std::string& path) {
  auto ekatte = text(json, "ekatte", path, true);
  if (!ekatte) return ekatte.error();
  auto name = text(json, "name", path, true);
  if (!name) return name.error();
  auto codes = texts(json, "postal_codes", path);
  if (!codes) return codes.error();
  return Settlement{std::move(ekatte).value(), std::move(name).value(), std::move(codes).value()};
}

Result<Street> street_of(const Json& json, const std::string& path) {
  Street out;
  auto settlement = text(json, "settlement", path, false);
  auto type = text(json, "type", path, false);
  auto name = text(json, "name", path, true);
  auto numbers = texts(json, "numbers", path, true);
  auto codes = texts(json, "postal_codes", path);
  if (!settlement) return settlement.error();
  if (!type) return type.error();
  if (!name) return name.error();
  if (!numbers) return numbers.error();
  if (!codes) return codes.error();
  out.settlement = std::move(settlement).value();
  out.type = std::move(type).value();
  out.name = std::move(name).value();
  out.numbers = std::move(numbers).value();
  out.postal_codes = std::move(codes).value();
  return out;
}

Result<Block> block_of(const Json& json, const std::string& path) {
  Block out;
  auto settlement = text(json, "settlement", path, false);
  auto complex = text(json, "complex", path, false);
  auto number = text(json, "number", path, true);
  auto entrances = texts(json, "entrances", path, true);
  auto codes = texts(json, "postal_codes", path);
  if (!settlement) return settlement.error();
  if (!complex) return complex.error();
  if (!number) return number.error();
  if (!entrances) return entrances.error();
  if (!codes) return codes.error();
  out.settlement = std::move(settlement).value();
  out.complex = std::move(complex).value();
  out.number = as_normalised(*number);
  out.entrances = std::move(entrances).value();
  out.postal_codes = std::move(codes).value();
  return out;
}

Result<DistrictRegister> district_of(const Json& json, const std::string& path) {
  if (!json.is_object()) return bad_json(path, "очаква се обект", "an object expected");
  DistrictRegister out;
  auto id = text(json, "district", path, true);
  if (!id) return id.error();
  out.id = *id;
  if (const Json* name = json_read::member(json, "name"); name != nullptr) {
    if (!name->is_object())
      return bad_json(path + "/name", "очаква се обект", "an object expected");
    auto bg = text(*name, "bg", path + "/name", false);
    if (!bg) return bg.error();
    auto en = text(*name, "en", path + "/name", false);
    if (!en) return en.error();
    out.name_bg = *bg;
    out.name_en = *en;
  }
  auto settlements = list_of<Settlement>(json, "settlements", path, settlement_of);
  if (!settlements) return settlements.error();
  auto streets = list_of<Street>(json, "streets", path, street_of);
  if (!streets) return streets.error();
  auto blocks = list_of<Block>(json, "blocks", path, block_of);
  if (!blocks) return blocks.error();
  out.settlements = std::move(settlements).value();
  out.streets = std::move(streets).value();
  out.blocks = std::move(blocks).value();
  return out;
}

}  // namespace

const DistrictRegister* Register::find(std::string_view district) const {
  for (const DistrictRegister& candidate : districts) {
    if (candidate.id == district) return &candidate;
  }
  return nullptr;
}

Result<Register> load_register(const Json& json) {
  Register out;
  if (json.is_array()) {
    for (size_t i = 0; i < json.size(); ++i) {
      auto district = district_of(json[i], join({"/", std::to_string(i)}));
      if (!district) return district.error();
      out.districts.push_back(std::move(district).value());
    }
    return out;
  }
  auto district = district_of(json, "");
  if (!district) return district.error();
  out.districts.push_back(std::move(district).value());
  return out;
}

Json to_json(const DistrictRegister& district) {
  Json out{{"district", district.id},
           {"name", {{"bg", district.name_bg}, {"en", district.name_en}}}};
  Json settlements = Json::array(), streets = Json::array(), blocks = Json::array();
  for (const Settlement& s : district.settlements) {
    settlements.push_back(
        {{"ekatte", s.ekatte}, {"name", s.name}, {"postal_codes", s.postal_codes}});
  }
  for (const Street& s : district.streets) {
    streets.push_back({{"settlement", s.settlement},
                       {"type", s.type},
                       {"name", s.name},
                       {"numbers", s.numbers},
                       {"postal_codes", s.postal_codes}});
  }
  for (const Block& b : district.blocks) {
    blocks.push_back({{"settlement", b.settlement},
                      {"complex", b.complex},
                      {"number", b.number},
                      {"entrances", b.entrances},
                      {"postal_codes", b.postal_codes}});
  }
  out["settlements"] = settlements;
  out["streets"] = streets;
  out["blocks"] = blocks;
  return out;
}

}  // namespace civic::address
