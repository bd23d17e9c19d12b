#include <set>

#include "../forms/reader.hpp"
#include "policy.hpp"

namespace civic::eligibility {

Loaded load(const Json& json, const expr::Registry* functions) {
  Loaded loaded;
  forms::Reader read(loaded.errors);
  if (!read.object(json, "", {"id", "version", "title", "constants", "rules"})) return loaded;
  Policy policy;
  if (auto id = read.id(json, "", "id")) policy.id = *id;
  if (auto version = read.integer(json, "", "version", true)) policy.version = *version;
  if (auto title = read.message(json, "", "title", true)) policy.title = *title;
  if (const auto constants = json.find("constants"); constants != json.end()) {
    if (constants->is_object()) {
      policy.constants = *constants;
    } else {
      read.error("definition.wrong_type", "/constants",
                 {"„constants“ трябва да е обект", "\"constants\" must be an object"},
                 {{"member", "constants"}, {"expected", "object"}});
    }
  }
  expr::CompileOptions options;
  options.functions = functions;
  options.expected = expr::Type::boolean;
  std::set<std::string> ids;
  if (const Json* rules = read.array(json, "", "rules", true)) {
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::string at = "/rules/" + std::to_string(i);
      const Json& rule = (*rules)[i];
      if (!read.object(rule, at, {"id", "check", "reason"})) continue;
      auto id = read.id(rule, at, "id");
      auto check = read.expression(rule, at, "check", options, true);
      auto reason = read.message(rule, at, "reason", true);
      if (id && !ids.insert(*id).second) {
        read.error(
            "definition.duplicate_id", at + "/id",
            {"Името „" + *id + "“ вече е използвано", "The id \"" + *id + "\" is already used"},
            {{"id", *id}});
      }
      if (id && check && reason) policy.rules.push_back({*id, std::move(*check), *reason});
    }
  }
  if (loaded.errors.empty()) loaded.policy = std::make_shared<Policy>(std::move(policy));
  return loaded;
}

}  // namespace civic::eligibility
