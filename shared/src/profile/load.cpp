// Bundle JSON → Profile: every member and every part checked, every problem reported.
#include <algorithm>
#include <array>
#include <set>

#include "../core/json_read.hpp"
#include "civic/strict_json.hpp"
#include "registers_aside.hpp"
#include "state.hpp"

namespace civic::profile {

namespace {

Error problem(const char* code, std::string path, std::string bg, std::string en,
              Json params = Json::object()) {
  return Error{code, std::move(path), {std::move(bg), std::move(en)}, std::move(params)};
}

// Holds `item` and the core it was compiled against together: a form or policy handed out
// keeps the register and functions it calls alive.
template <typename T>
std::shared_ptr<const T> tied(const std::shared_ptr<const Core>& core,
                              std::shared_ptr<const T> item) {
  auto both = std::make_shared<std::pair<std::shared_ptr<const Core>, std::shared_ptr<const T>>>(
      core, std::move(item));
  return std::shared_ptr<const T>(both, both->second.get());
}

bool is_message(const Json& json) {
  return json.is_object() && json.size() == 2 && json.contains("bg") && json.contains("en") &&
         json["bg"].is_string() && json["en"].is_string();
}

bool is_hex32(const Json& json) {
  if (!json.is_string() || json.get_ref<const std::string&>().size() != 64) return false;
  for (const char c : json.get_ref<const std::string&>()) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

class Loader {
 public:
  // `set_aside`: per item of the bundle's "register", its text when load_text set it aside.
  Loader(std::vector<Error>& errors, std::vector<std::optional<std::string>> set_aside)
      : errors_(errors), set_aside_(std::move(set_aside)) {
    core_->functions = expr::Registry::standard();
    add_district_of(*core_);
    impl_->core = core_;
  }

  // The checked profile without its bundle (the caller keeps it there); null on errors.
  std::unique_ptr<Profile::Impl> run(const Json& bundle) {
    if (!bundle.is_object()) {
      wrong("", "обект", "an object");
      return nullptr;
    }
    static constexpr std::array<std::string_view, 15> kMembers = {
        "format",      "id",        "version",          "name",  "municipality",
        "life_events", "districts", "register",         "forms", "policies",
        "elections",   "boundary",  "election_service", "facts", "keys"};
    members(bundle, "", kMembers);
    if (bundle.value("format", Json()) != Json(kFormat)) {
      errors_.push_back(problem("profile.unsupported_format", "/format",
                                "Профилът не е във формат " + std::string(kFormat),
                                "The profile is not in the " + std::string(kFormat) + " format",
                                {{"expected", kFormat}}));
      return nullptr;
    }
    impl_->id = text(bundle, "", "id");
    impl_->version = text(bundle, "", "version");
    message(bundle, "", "name");
    municipality(bundle);
    districts(bundle);
    registers(bundle);
    live(bundle);
    index_places(*core_);
    forms(bundle);
    policies(bundle);
    read_catalogue(bundle, *impl_, errors_);
    array_of_objects(bundle, "elections");
    boundary(bundle);
    facts(bundle);
    keys(bundle);
    if (!errors_.empty()) return nullptr;
    return std::move(impl_);
  }

 private:
  void wrong(const std::string& path, const char* expected_bg, const char* expected_en) {
    errors_.push_back(problem("profile.bad_bundle", path,
                              std::string("Профилът е неправилен: тук се очаква ") + expected_bg,
                              std::string("The profile is malformed: expected ") + expected_en,
                              {{"expected", expected_en}}));
  }

  template <std::size_t N>
  void members(const Json& object, const std::string& path,
               const std::array<std::string_view, N>& allowed) {
    for (const auto& [name, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        errors_.push_back(problem("profile.unknown_member", path + "/" + name,
                                  "Непознат елемент „" + name + "“",
                                  "Unknown member \"" + name + "\"", {{"member", name}}));
      }
    }
  }

  // A required member; nullptr (and an error) when absent.
  const Json* member(const Json& object, const std::string& path, const char* name) {
    const auto found = object.find(name);
    if (found != object.end()) return &*found;
    errors_.push_back(problem(
        "profile.missing_member", path + "/" + name, std::string("Липсва елементът „") + name + "“",
        std::string("The member \"") + name + "\" is missing", {{"member", name}}));
    return nullptr;
  }

  std::string text(const Json& object, const std::string& path, const char* name) {
    const Json* value = member(object, path, name);
    if (value == nullptr) return "";
    if (!value->is_string() || value->get_ref<const std::string&>().empty()) {
      wrong(path + "/" + name, "непразен текст", "a non-empty string");
      return "";
    }
    return value->get<std::string>();
  }

  void message(const Json& object, const std::string& path, const char* name) {
    const Json* value = member(object, path, name);
    if (value != nullptr && !is_message(*value)) {
      wrong(path + "/" + name, "{\"bg\", \"en\"}", "{\"bg\", \"en\"} texts");
    }
  }

  // A required array member; nullptr (and an error) when absent or not an array.
  const Json* array(const Json& bundle, const char* name) {
    const Json* value = member(bundle, "", name);
    if (value == nullptr) return nullptr;
    if (value->is_array()) return value;
    wrong(std::string("/") + name, "списък", "an array");
    return nullptr;
  }

  void array_of_objects(const Json& bundle, const char* name) {
    const Json* list = array(bundle, name);
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!(*list)[i].is_object()) {
        wrong(std::string("/") + name + "/" + std::to_string(i), "обект", "an object");
      }
    }
  }

  void municipality(const Json& bundle) {
    const Json* value = member(bundle, "", "municipality");
    if (value == nullptr) return;
    if (!value->is_object()) return wrong("/municipality", "обект", "an object");
    static constexpr std::array<std::string_view, 3> kMembers = {"ekatte", "code", "name"};
    members(*value, "/municipality", kMembers);
    const std::string ekatte = text(*value, "/municipality", "ekatte");
    core_->city = ekatte;
    if (!ekatte.empty() &&
        (ekatte.size() != 5 || ekatte.find_first_not_of("0123456789") != std::string::npos)) {
      wrong("/municipality/ekatte", "5 цифри (ЕКАТТЕ)", "5 digits (EKATTE)");
    }
    text(*value, "/municipality", "code");
    message(*value, "/municipality", "name");
  }

  void districts(const Json& bundle) {
    const Json* list = array(bundle, "districts");
    if (list == nullptr) return;
    static constexpr std::array<std::string_view, 5> kMembers = {"id", "name", "live",
                                                                 "settlements", "places"};
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = "/districts/" + std::to_string(i);
      const Json& item = (*list)[i];
      if (!item.is_object()) {
        wrong(path, "обект", "an object");
        continue;
      }
      members(item, path, kMembers);
      District district;
      district.id = text(item, path, "id");
      message(item, path, "name");
      if (is_message(item.value("name", Json()))) {
        district.name_bg = item["name"]["bg"].get<std::string>();
        district.name_en = item["name"]["en"].get<std::string>();
      }
      const Json* live = member(item, path, "live");
      if (live != nullptr && !live->is_boolean()) wrong(path + "/live", "true/false", "a boolean");
      district.live = live != nullptr && live->is_boolean() && live->get<bool>();
      read_places(item, path, district, errors_);
      if (!district.id.empty() && !ids.insert(district.id).second)
        duplicate_district(path + "/id", district.id);
      core_->districts.push_back(std::move(district));
    }
  }

  void duplicate_district(const std::string& path, const std::string& id) {
    errors_.push_back(problem(
        "profile.duplicate_district", path, "Районът „" + id + "“ е описан повече от веднъж",
        "The district \"" + id + "\" is listed more than once", {{"district", id}}));
  }

  bool known_district(const std::string& id) const {
    for (const District& district : core_->districts) {
      if (district.id == id) return true;
    }
    return false;
  }

  void registers(const Json& bundle) {
    const Json* list = array(bundle, "register");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = "/register/" + std::to_string(i);
      if (!(*list)[i].is_object()) {
        wrong(path, "обект (регистър на един район)", "an object (one district's register)");
        continue;
      }
      if (i < set_aside_.size() && set_aside_[i]) {
        const std::string id = json_read::string_or((*list)[i], "district");
        register_of(path, id);
        core_->reg.add_text(id, std::move(*set_aside_[i]), i);
        continue;
      }
      auto loaded = address::load_register((*list)[i]);
      if (!loaded) {
        Error error = std::move(loaded).error();
        error.path = path + error.path;
        errors_.push_back(std::move(error));
        continue;
      }
      for (address::DistrictRegister& district : loaded.value().districts) {
        register_of(path, district.id);
        core_->reg.add(std::move(district));
      }
    }
  }

  // A register's district (before it is added): listed, and not given a register before.
  void register_of(const std::string& path, const std::string& id) {
    if (core_->reg.has(id)) {
      duplicate_district(path + "/district", id);
    } else if (!known_district(id)) {
      errors_.push_back(problem(
          "profile.unknown_district", path + "/district",
          "Регистърът е за район „" + id + "“, който не е в списъка на районите",
          "The register is for the district \"" + id + "\", which is not in the list of districts",
          {{"district", id}}));
    }
  }

  // A district is live exactly when the bundle has its register (loaded or not: a register
  // that failed to load is reported once, as itself).
  void live(const Json& bundle) {
    const Json* registers = bundle.contains("register") ? &bundle["register"] : nullptr;
    if (registers == nullptr || !registers->is_array()) return;
    for (std::size_t i = 0; i < core_->districts.size(); ++i) {
      const District& district = core_->districts[i];
      const bool has_register =
          std::any_of(registers->begin(), registers->end(), [&](const Json& reg) {
            return reg.is_object() && reg.value("district", Json()) == district.id;
          });
      if (district.id.empty() || district.live == has_register) continue;
      errors_.push_back(
          problem("profile.live_mismatch", "/districts/" + std::to_string(i) + "/live",
                  has_register ? "Районът има регистър, но не е отбелязан като действащ"
                               : "Районът е отбелязан като действащ, но няма регистър на адресите",
                  has_register ? "The district has a register but is not marked live"
                               : "The district is marked live but has no address register",
                  {{"district", district.id}}));
    }
  }

  // Loads each part of a list with `load_one`, prefixing its errors with the part's path.
  template <typename Load>
  void parts(const Json& bundle, const char* name, const char* code, Load load_one) {
    const Json* list = array(bundle, name);
    if (list == nullptr) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = std::string("/") + name + "/" + std::to_string(i);
      std::vector<Error> part_errors = load_one((*list)[i]);
      for (Error& error : part_errors) {
        error.path = path + error.path;
        errors_.push_back(std::move(error));
      }
      if (!part_errors.empty()) continue;
      const std::string id = json_read::string_or((*list)[i], "id");
      if (!ids.insert(id).second) {
        errors_.push_back(problem(code, path + "/id", "„" + id + "“ е описан повече от веднъж",
                                  "\"" + id + "\" is defined more than once", {{"id", id}}));
      }
    }
  }

  void forms(const Json& bundle) {
    parts(bundle, "forms", "profile.duplicate_form", [this](const Json& definition) {
      forms::Loaded loaded = forms::load(definition, &core_->functions);
      if (loaded.form) {
        const std::string id(forms::form_id(*loaded.form));
        impl_->forms.emplace(id, tied<forms::Form>(core_, std::move(loaded.form)));
      }
      return std::move(loaded.errors);
    });
  }

  void policies(const Json& bundle) {
    parts(bundle, "policies", "profile.duplicate_policy", [this](const Json& definition) {
      eligibility::Loaded loaded = eligibility::load(definition, &core_->functions);
      if (loaded.policy) {
        impl_->policies.emplace(json_read::string_or(definition, "id"),
                                tied<eligibility::Policy>(core_, std::move(loaded.policy)));
      }
      return std::move(loaded.errors);
    });
  }

  void boundary(const Json& bundle) {
    const Json* value = member(bundle, "", "boundary");
    if (value == nullptr) return;
    auto polygons = geo::parse_geojson(*value);
    if (!polygons) {
      Error error = std::move(polygons).error();
      error.path = "/boundary" + error.path;
      errors_.push_back(std::move(error));
      return;
    }
    impl_->boundary = std::move(polygons).value();
    const Json& properties = json_read::member_or_null(*value, "properties");
    if (json_read::string_or(properties, "source").empty()) {
      errors_.push_back(problem("profile.boundary_source_missing", "/boundary/properties/source",
                                "Посочете източника на границата в properties.source",
                                "State the boundary's source in properties.source"));
    }
  }

  // Legal facts: {"name": {"value", "status": "sourced" | "GUESS" | "NOT FOUND", ...}}.
  void facts(const Json& bundle) {
    const Json* value = member(bundle, "", "facts");
    if (value == nullptr) return;
    if (!value->is_object()) return wrong("/facts", "обект", "an object");
    for (const auto& [name, fact] : value->items()) {
      const Json status = fact.is_object() ? fact.value("status", Json()) : Json();
      if (!fact.contains("value") ||
          (status != "sourced" && status != "GUESS" && status != "NOT FOUND")) {
        wrong("/facts/" + name, "{\"value\", \"status\": \"sourced\" | \"GUESS\" | \"NOT FOUND\"}",
              "{\"value\", \"status\": \"sourced\" | \"GUESS\" | \"NOT FOUND\"}");
      }
    }
  }

  void keys(const Json& bundle) {
    const auto found = bundle.find("keys");
    if (found == bundle.end()) return;
    if (!found->is_object()) return wrong("/keys", "обект", "an object");
    static constexpr std::array<std::string_view, 2> kMembers = {"envelope", "receipt"};
    members(*found, "/keys", kMembers);
    for (const auto& [name, key] : found->items()) {
      if (!is_hex32(key)) {
        wrong("/keys/" + name, "64 шестнадесетични цифри", "64 lower-case hexadecimal digits");
      }
    }
  }

  std::vector<Error>& errors_;
  std::vector<std::optional<std::string>> set_aside_;
  std::unique_ptr<Profile::Impl> impl_ = std::make_unique<Profile::Impl>();
  std::shared_ptr<Core> core_ = std::make_shared<Core>();
};

}  // namespace

Loaded load(const Json& bundle) { return load(Json(bundle)); }

Loaded load(Json&& bundle) {
  Loaded loaded;
  std::unique_ptr<Profile::Impl> impl = Loader(loaded.errors, {}).run(bundle);
  if (impl) {
    impl->bundle = std::move(bundle);
    loaded.profile = std::make_shared<const Profile>(std::move(impl));
  }
  return loaded;
}

std::optional<Loaded> load_text(std::string_view text) {
  std::optional<RegistersAside> aside = set_registers_aside(text);
  Json bundle = parse_json(aside ? std::string_view(aside->rest) : text);
  if (bundle.is_discarded() && aside) {
    aside.reset();
    bundle = parse_json(text);
  }
  if (bundle.is_discarded()) return std::nullopt;
  Loaded loaded;
  std::unique_ptr<Profile::Impl> impl =
      Loader(loaded.errors,
             aside ? std::move(aside->registers) : std::vector<std::optional<std::string>>())
          .run(bundle);
  if (impl) {
    impl->bundle = std::move(bundle);
    loaded.profile = std::make_shared<const Profile>(std::move(impl));
  }
  return loaded;
}

}  // namespace civic::profile
