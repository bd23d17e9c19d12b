// Addresses against the profile's register: the forms' address check and district_of().
#include "state.hpp"

namespace civic::profile {

namespace {

bool clean(const address::Address& address, const LazyRegister& reg) {
  return reg.validate(address).empty();
}

// district_of(address): the district of a registered address, or null. An address naming
// its district gives that district when it validates there without a single error; an
// address naming none gives the first live district (register order) where it does.
expr::Value district_of(const LazyRegister& reg, std::span<const expr::Value> args) {
  if (args[0].type() != expr::Type::object) return expr::Value();
  auto parsed = address::address_from_json(args[0].as_object());
  if (!parsed) return expr::Value();
  address::Address& address = parsed.value();
  if (!address.district.empty()) {
    return clean(address, reg) ? expr::Value::string(address.district) : expr::Value();
  }
  for (const address::DistrictRegister& district : reg.whole().districts) {
    address.district = district.id;
    if (clean(address, reg)) return expr::Value::string(district.id);
  }
  return expr::Value();
}

}  // namespace

std::vector<Error> check_address(const Core& core, const Json& json) {
  auto parsed = address::address_from_json(json);
  if (!parsed) return {std::move(parsed).error()};
  address::Address& address = parsed.value();
  const District* district = district_of_place(core, address);
  if (district != nullptr && !district->live) {
    const std::string& bg = district->name_bg;
    const std::string& en = district->name_en;
    return {Error{"profile.district_not_live",
                  "/district",
                  {"Адресът е в район „" + bg +
                       "“, който още не е включен в електронната услуга. Подайте заявлението "
                       "лично в районната администрация на „" +
                       bg + "“",
                   "The address is in the " + en +
                       " district, which is not part of the online service yet. Apply in person "
                       "at the " +
                       en + " district administration"},
                  {{"district", district->id}, {"name", {{"bg", bg}, {"en", en}}}}}};
  }
  if (district != nullptr) address.district = district->id;
  return core.reg.validate(address);
}

void add_district_of(Core& core) {
  const LazyRegister* reg = &core.reg;
  core.functions.add({"district_of",
                      {expr::Type::object},
                      expr::Type::string,
                      [reg](std::span<const expr::Value> args, const expr::Env&) {
                        return district_of(*reg, args);
                      }});
}

}  // namespace civic::profile
