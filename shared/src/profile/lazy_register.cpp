// Reading a district's register on first use (lazy_register.hpp).
#include "lazy_register.hpp"

#include "civic/strict_json.hpp"

namespace civic::profile {

namespace {

Error damaged(const std::string& district, const Error& cause) {
  return Error{"profile.register_damaged",
               "/district",
               {"Регистърът на адресите на района е повреден; адресите в него не могат да се "
                "проверят",
                "The district's address register is damaged: addresses there cannot be checked"},
               {{"district", district}, {"code", cause.code}, {"register", cause.path}}};
}

}  // namespace

void LazyRegister::add(address::DistrictRegister district) {
  register_.districts.push_back(std::move(district));
  aside_.emplace_back();
}

void LazyRegister::add_text(std::string id, std::string text, size_t index) {
  address::DistrictRegister district;
  district.id = std::move(id);
  register_.districts.push_back(std::move(district));
  aside_.push_back(std::make_unique<Aside>());
  aside_.back()->text = std::move(text);
  aside_.back()->index = index;
}

bool LazyRegister::has(std::string_view district) const {
  return register_.find(district) != nullptr;
}

void LazyRegister::read(size_t part) const {
  Aside* aside = aside_[part].get();
  if (aside == nullptr) return;
  std::call_once(aside->once, [&] {
    const std::string path = "/register/" + std::to_string(aside->index);
    address::DistrictRegister& district = register_.districts[part];
    const auto json = parse_json(aside->text);
    if (json.is_discarded()) {
      aside->damage = damaged(district.id, Error{"api.bad_json", path, {}, {}});
      return;
    }
    auto loaded = address::load_register(json);
    if (!loaded) {
      aside->damage = damaged(district.id, prefixed(std::move(loaded).error(), path));
      return;
    }
    address::DistrictRegister& read = loaded.value().districts.front();
    district.name_bg = std::move(read.name_bg);
    district.name_en = std::move(read.name_en);
    district.settlements = std::move(read.settlements);
    district.streets = std::move(read.streets);
    district.blocks = std::move(read.blocks);
  });
}

const address::Register& LazyRegister::whole() const {
  for (size_t part = 0; part < aside_.size(); ++part) read(part);
  return register_;
}

std::vector<Error> LazyRegister::validate(const address::Address& address) const {
  for (size_t part = 0; part < aside_.size(); ++part) {
    if (register_.districts[part].id != address.district) continue;
    read(part);
    if (aside_[part] && aside_[part]->damage) return {*aside_[part]->damage};
    break;
  }
  return address::validate(address, register_);
}

void LazyRegister::put_back(nlohmann::ordered_json& registers) const {
  for (const auto& aside : aside_) {
    if (aside) registers[aside->index] = parse_json(aside->text);
  }
}

}  // namespace civic::profile
