// Definition JSON → Form: first the structure (so every name is known), then the expressions.
#include <algorithm>
#include <array>
#include <set>

#include "civic/json_text.hpp"
#include "definition.hpp"
#include "reader.hpp"
#include "schema.hpp"
#include "service_read.hpp"

namespace civic::forms {

namespace {

struct TypeName {
  std::string_view name;
  FieldType type;
};

constexpr std::array<TypeName, 14> kTypes = {{
    {"text", FieldType::text},
    {"number", FieldType::number},
    {"date", FieldType::date},
    {"choice", FieldType::choice},
    {"multi_choice", FieldType::multi_choice},
    {"egn", FieldType::egn},
    {"lnch", FieldType::lnch},
    {"phone", FieldType::phone},
    {"email", FieldType::email},
    {"address", FieldType::address},
    {"consent", FieldType::consent},
    {"group", FieldType::group},
    {"repeat", FieldType::repeat},
    {"file", FieldType::file},
}};

// Members that only some field types take.
struct Applicable {
  std::string_view member;
  std::initializer_list<FieldType> types;
};

const std::array<Applicable, 12> kApplicable = {{
    {"min", {FieldType::number, FieldType::date}},
    {"max", {FieldType::number, FieldType::date}},
    {"integer", {FieldType::number}},
    {"min_length", {FieldType::text}},
    {"max_length", {FieldType::text}},
    {"pattern", {FieldType::text}},
    {"min_items", {FieldType::multi_choice, FieldType::repeat, FieldType::file}},
    {"max_items", {FieldType::multi_choice, FieldType::repeat, FieldType::file}},
    {"options", {FieldType::choice, FieldType::multi_choice}},
    {"fields", {FieldType::group, FieldType::repeat}},
    {"accept", {FieldType::file}},
    {"max_size", {FieldType::file}},
}};

// "type/subtype" in lower case, as RFC 6838 restricts the names (no parameters).
bool is_media_type(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         (i != 0 && i != slash + 1 &&
                          std::string_view("!#$&-^_.+").find(c) != std::string_view::npos);
    if (i != slash && !allowed) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 10> kMessageStates = {
    "missing",   "too_long", "too_short", "too_small", "too_large",
    "too_early", "too_late", "too_few",   "too_many",  "format"};

// Where a field's expressions are compiled: its JSON, path and enclosing repeat.
struct Pending {
  const Json* json;
  std::string path;
  int repeat;  // enclosing repeat field, -1 at top level or in groups only
};

class Loader {
 public:
  Loader(const expr::Registry* functions, std::vector<Error>& errors)
      : functions_(functions), read_(errors), schema_(form_) {}

  std::shared_ptr<Form> run(const Json& json) {
    if (!read_.object(json, "",
                      {"id", "version", "title", "help", "steps", "computed", "rules", "migrations",
                       "certificate", "signature", "service"})) {
      return nullptr;
    }
    if (auto id = read_.id(json, "", "id")) form_.id = *id;
    if (auto version = read_.integer(json, "", "version", true)) form_.version = *version;
    if (auto title = read_.message(json, "", "title", true)) form_.title = *title;
    read_.message(json, "", "help", false);
    if (const Json* steps = read_.array(json, "", "steps", true)) structure(*steps);
    if (!read_.ok()) return nullptr;  // names must be known before expressions compile
    computed(json);
    for (std::size_t i = 0; i < pending_.size(); ++i) expressions(form_.fields[i], pending_[i]);
    step_conditions(json);
    rules(json, "", form_.rules, base_options());
    migrations(json);
    certificate(json);
    signature(json);
    if (const auto block = json.find("service"); block != json.end()) {
      form_.service = read_service(read_, *block, "/service", &form_.computed);
    }
    if (!read_.ok()) return nullptr;
    return std::make_shared<Form>(std::move(form_));
  }

 private:
  expr::CompileOptions base_options() const {
    expr::CompileOptions options;
    options.functions = functions_;
    options.schema = &schema_;
    return options;
  }

  // ---- structure
  void structure(const Json& steps) {
    for (std::size_t s = 0; s < steps.size(); ++s) {
      const std::string path = "/steps/" + std::to_string(s);
      if (!read_.object(steps[s], path, {"id", "title", "help", "visible_if", "fields"})) continue;
      Step step;
      if (auto id = read_.id(steps[s], path, "id")) step.id = unique(*id, path, step_ids_);
      if (auto title = read_.message(steps[s], path, "title", true)) step.title = *title;
      read_.message(steps[s], path, "help", false);
      form_.steps.push_back(std::move(step));
      if (const Json* fields = read_.array(steps[s], path, "fields", true)) {
        for (std::size_t f = 0; f < fields->size(); ++f) {
          const int index =
              field((*fields)[f], path + "/fields/" + std::to_string(f), -1, static_cast<int>(s));
          if (index < 0) continue;
          Field& top = form_.fields[index];
          top.slot = static_cast<int>(form_.top.size());
          top.step = static_cast<int>(s);
          form_.top.push_back(index);
          form_.steps.back().fields.push_back(index);
          if (!form_.top_by_id.emplace(top.id, index).second) duplicate(top.id, path);
        }
      }
    }
    form_.slot_count = form_.top.size();
  }

  std::string unique(const std::string& id, const std::string& path, std::set<std::string>& seen) {
    if (!seen.insert(id).second) duplicate(id, path);
    return id;
  }

  void duplicate(const std::string& id, const std::string& path) {
    read_.error("definition.duplicate_id", path + "/id",
                {"Името „" + id + "“ вече е използвано", "The id \"" + id + "\" is already used"},
                {{"id", id}});
  }

  std::optional<FieldType> field_type(const Json& json, const std::string& path) {
    auto name = read_.string(json, path, "type", true);
    if (!name) return std::nullopt;
    for (const TypeName& known : kTypes) {
      if (known.name == *name) return known.type;
    }
    read_.error("definition.unknown_field_type", path + "/type",
                {"Непознат вид поле „" + *name + "“", "Unknown field type \"" + *name + "\""},
                {{"type", *name}});
    return std::nullopt;
  }

  // Reads a field and its children; returns its index, or -1.
  int field(const Json& json, const std::string& path, int repeat, int parent_step) {
    if (!read_.object(
            json, path,
            {"id",          "type",       "label",    "help",    "name",       "required",
             "required_if", "visible_if", "min",      "max",     "min_length", "max_length",
             "min_items",   "max_items",  "integer",  "pattern", "options",    "rules",
             "messages",    "fields",     "personal", "accept",  "max_size"})) {
      return -1;
    }
    Field field;
    auto id = read_.id(json, path, "id");
    auto type = field_type(json, path);
    auto label = read_.message(json, path, "label", true);
    read_.message(json, path, "help", false);
    if (!id || !type || !label) return -1;
    field.id = *id;
    field.type = *type;
    field.label = *label;
    field.name = read_.message(json, path, "name", false).value_or(*label);
    field.required = read_.boolean(json, path, "required").value_or(false);
    field.integer = read_.boolean(json, path, "integer").value_or(false);
    field.personal = read_.boolean(json, path, "personal").value_or(false);
    field.step = parent_step;
    for (const Applicable& rule : kApplicable) {
      const bool applies =
          std::find(rule.types.begin(), rule.types.end(), field.type) != rule.types.end();
      if (!applies && json.contains(rule.member)) {
        const std::string member(rule.member);
        read_.error(
            "definition.not_applicable", path + "/" + member,
            {std::string("„").append(member).append("“ не се отнася за този вид поле"),
             std::string("\"").append(member).append("\" does not apply to this field type")},
            {{"member", member}});
      }
    }
    field.min_length = read_.integer(json, path, "min_length", false);
    field.max_length = read_.integer(json, path, "max_length", false);
    field.min_items = read_.integer(json, path, "min_items", false);
    field.max_items = read_.integer(json, path, "max_items", false);
    range(field.min_length, field.max_length, path, "max_length");
    range(field.min_items, field.max_items, path, "max_items");
    messages(json, path, field);
    const bool has_options =
        field.type == FieldType::choice || field.type == FieldType::multi_choice;
    if (has_options) options(json, path, field);
    if (field.type == FieldType::file) file_limits(json, path, field);
    const int index = static_cast<int>(form_.fields.size());
    field.index = index;
    form_.fields.push_back(std::move(field));
    pending_.push_back({&json, path, repeat});
    const FieldType kind = *type;
    if (kind == FieldType::group || kind == FieldType::repeat) {
      children(json, path, index, kind == FieldType::repeat ? index : repeat, parent_step);
    }
    return index;
  }

  void children(const Json& json, const std::string& path, int index, int repeat, int step) {
    const Json* fields = read_.array(json, path, "fields", true);
    if (!fields) return;
    std::set<std::string> ids;
    for (std::size_t f = 0; f < fields->size(); ++f) {
      const std::string child_path = path + "/fields/" + std::to_string(f);
      const int child = field((*fields)[f], child_path, repeat, step);
      if (child < 0) continue;
      unique(form_.fields[child].id, child_path, ids);
      if ((*fields)[f].contains("personal")) {
        read_.error("definition.not_applicable", child_path + "/personal",
                    {"„personal“ се дава само на полета от първо ниво",
                     "\"personal\" only applies to top-level fields"},
                    {{"member", "personal"}});
      }
      form_.fields[index].children.push_back(child);
    }
  }

  void range(const std::optional<std::int64_t>& low, const std::optional<std::int64_t>& high,
             const std::string& path, const char* member) {
    if (low && high && *low > *high) {
      read_.error("definition.bad_range", path + "/" + member,
                  {"Горната граница е по-малка от долната", "The upper limit is below the lower"},
                  {{"min", *low}, {"max", *high}});
    }
  }

  void messages(const Json& json, const std::string& path, Field& field) {
    const auto found = json.find("messages");
    if (found == json.end()) return;
    if (!read_.object(*found, path + "/messages",
                      {kMessageStates[0], kMessageStates[1], kMessageStates[2], kMessageStates[3],
                       kMessageStates[4], kMessageStates[5], kMessageStates[6], kMessageStates[7],
                       kMessageStates[8], kMessageStates[9]})) {
      return;
    }
    for (const auto& [state, value] : found->items()) {
      if (auto text = read_.message(*found, path + "/messages", state.c_str(), false)) {
        field.messages.emplace(state, std::move(*text));
      }
    }
  }

  // accept: the media types a file may have (required); max_size: bytes per file (optional).
  void file_limits(const Json& json, const std::string& path, Field& field) {
    if (const Json* accept = read_.array(json, path, "accept", true)) {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < accept->size(); ++i) {
        const Json& type = (*accept)[i];
        if (!type.is_string() || !is_media_type(type.get_ref<const std::string&>())) {
          read_.error("definition.bad_media_type", path + "/accept/" + std::to_string(i),
                      {"Очаква се вид на файл като „application/pdf“ (малки букви)",
                       "A media type like \"application/pdf\" (lower case) expected"},
                      {{"value", type}});
          continue;
        }
        if (seen.insert(type.get<std::string>()).second)
          field.accept.push_back(type.get<std::string>());
      }
    }
    if (auto size = read_.integer(json, path, "max_size", false)) {
      if (*size < 1) {
        read_.error("definition.bad_range", path + "/max_size",
                    {"Размерът трябва да е поне 1 байт", "The size must be at least 1 byte"},
                    {{"max_size", *size}});
      } else {
        field.max_size = *size;
      }
    }
  }

  void options(const Json& json, const std::string& path, Field& field) {
    const Json* list = read_.array(json, path, "options", true);
    if (!list) return;
    std::set<std::string> values;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string option_path = path + "/options/" + std::to_string(i);
      if (!read_.object((*list)[i], option_path, {"value", "label"})) continue;
      auto value = read_.string((*list)[i], option_path, "value", true);
      auto label = read_.message((*list)[i], option_path, "label", true);
      if (!value || !label) continue;
      field.options.push_back({unique(*value, option_path, values), *label});
    }
  }

  // ---- expressions
  void expressions(Field& field, const Pending& at) {
    expr::CompileOptions options = base_options();
    options.self = schema_.binding(field);
    if (at.repeat >= 0) options.item = schema_.element(schema_.binding(form_.fields[at.repeat]));
    const Json& json = *at.json;
    expr::CompileOptions condition = options;
    condition.expected = expr::Type::boolean;
    field.visible_if = read_.expression(json, at.path, "visible_if", condition, false);
    field.required_if = read_.expression(json, at.path, "required_if", condition, false);
    field.min = bound(json, at.path, "min", field, options);
    field.max = bound(json, at.path, "max", field, options);
    pattern(json, at.path, field, options);
    rules(json, at.path, field.rules, options);
  }

  // A bound: a number, an ISO date, or an expression of the field's type.
  std::optional<expr::Expression> bound(const Json& json, const std::string& path,
                                        const char* member, const Field& field,
                                        expr::CompileOptions options) {
    const auto found = json.find(member);
    if (found == json.end()) return std::nullopt;
    options.expected = value_type(field.type);
    std::string source;
    if (found->is_number()) {
      source = json_text(*found);
    } else if (found->is_string()) {
      source = found->get<std::string>();
      if (field.type == FieldType::date && parse_iso_date(source).ok()) source = "@" + source;
    } else {
      read_.error("definition.wrong_type", path + "/" + member,
                  {"Границата трябва да е число, дата или израз",
                   "A limit must be a number, a date or an expression"},
                  {{"member", member}, {"expected", "a number, a date or an expression"}});
      return std::nullopt;
    }
    return read_.compile(source, path + "/" + member, options);
  }

  void pattern(const Json& json, const std::string& path, Field& field,
               const expr::CompileOptions& options) {
    const auto found = json.find("pattern");
    if (found == json.end()) return;
    const std::string at = path + "/pattern";
    if (!read_.object(*found, at, {"regex", "message"})) return;
    auto regex = read_.string(*found, at, "regex", true);
    auto message = read_.message(*found, at, "message", true);
    if (!regex || !message) return;
    const std::string quoted = json_text(Json(*regex));  // a JSON string is an expression string
    constexpr std::string_view kPrefix = "matches(self, ";
    field.pattern = read_.compile(std::string(kPrefix) + quoted + ")", at + "/regex", options,
                                  kPrefix.size() + 1);
    field.pattern_message = *message;
  }

  void rules(const Json& json, const std::string& path, std::vector<Rule>& out,
             expr::CompileOptions options) {
    const Json* list = read_.array(json, path, "rules", false);
    if (!list) return;
    const bool form_level = path.empty();
    options.expected = expr::Type::boolean;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = path + "/rules/" + std::to_string(i);
      const Json& item = (*list)[i];
      if (!read_.object(
              item, at,
              form_level ? std::initializer_list<std::string_view>{"id", "check", "message", "path"}
                         : std::initializer_list<std::string_view>{"id", "check", "message"})) {
        continue;
      }
      auto id = read_.id(item, at, "id");
      auto check = read_.expression(item, at, "check", options, true);
      auto message = read_.message(item, at, "message", true);
      auto blamed = form_level ? read_.string(item, at, "path", false) : std::nullopt;
      if (blamed && !form_.top_by_id.count(*blamed)) {
        read_.error("definition.unknown_member", at + "/path",
                    {"Няма поле „" + *blamed + "“", "There is no field \"" + *blamed + "\""},
                    {{"member", *blamed}});
      }
      if (!id || !check || !message) continue;
      unique(*id, at, ids);
      out.push_back({*id, std::move(*check), *message, blamed ? "/" + *blamed : ""});
    }
  }

  void step_conditions(const Json& json) {
    expr::CompileOptions options = base_options();
    options.expected = expr::Type::boolean;
    const Json& steps = json["steps"];
    for (std::size_t s = 0; s < form_.steps.size(); ++s) {
      form_.steps[s].visible_if =
          read_.expression(steps[s], "/steps/" + std::to_string(s), "visible_if", options, false);
    }
  }

  void computed(const Json& json) {
    const Json* list = read_.array(json, "", "computed", false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = "/computed/" + std::to_string(i);
      if (!read_.object((*list)[i], at, {"id", "value"})) continue;
      auto id = read_.id((*list)[i], at, "id");
      auto value = read_.expression((*list)[i], at, "value", base_options(), true);
      if (!id || !value) continue;
      if (form_.top_by_id.count(*id)) duplicate(*id, at);
      const int slot = static_cast<int>(form_.slot_count++);
      form_.computed.push_back({*id, std::move(*value), slot, std::nullopt});
      Computed& added = form_.computed.back();
      if (added.value.is_constant()) {
        auto constant = added.value.evaluate(expr::Env{});
        added.constant = constant ? constant->to_json() : Json(nullptr);
      }
    }
  }

  void migrations(const Json& json) {
    const Json* list = read_.array(json, "", "migrations", false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = "/migrations/" + std::to_string(i);
      const Json& item = (*list)[i];
      if (!read_.object(item, at, {"from", "to", "rename", "remove", "set"})) continue;
      Migration migration;
      auto from = read_.integer(item, at, "from", true);
      auto to = read_.integer(item, at, "to", true);
      if (!from || !to) continue;
      if (*from >= *to || *to > form_.version) {
        read_.error("definition.bad_migration", at,
                    {"Преходът трябва да води от по-стара към по-нова версия, до текущата",
                     "A migration must lead from an older to a newer version, up to the current"},
                    {{"from", *from}, {"to", *to}});
        continue;
      }
      migration.from = *from;
      migration.to = *to;
      migration_members(item, at, migration);
      form_.migrations.push_back(std::move(migration));
    }
  }

  void migration_members(const Json& item, const std::string& at, Migration& migration) {
    if (const auto rename = item.find("rename"); rename != item.end()) {
      if (rename->is_object()) {
        for (const auto& [from, to] : rename->items()) {
          if (to.is_string()) migration.rename.emplace_back(from, to.get<std::string>());
        }
      }
      if (!rename->is_object() || migration.rename.size() != rename->size()) {
        read_.error("definition.wrong_type", at + "/rename",
                    {"„rename“ трябва да е обект от стари към нови имена",
                     "\"rename\" must be an object from old to new names"},
                    {{"member", "rename"}, {"expected", "object of texts"}});
      }
    }
    if (const Json* remove = read_.array(item, at, "remove", false)) {
      for (const Json& name : *remove) {
        if (name.is_string()) migration.remove.push_back(name.get<std::string>());
      }
    }
    if (const auto set = item.find("set"); set != item.end()) {
      if (set->is_object()) {
        migration.set = *set;
      } else {
        read_.error("definition.wrong_type", at + "/set",
                    {"„set“ трябва да е обект", "\"set\" must be an object"},
                    {{"member", "set"}, {"expected", "object"}});
      }
    }
  }

  // ---- certificate
  void certificate(const Json& json) {
    const auto member = json.find("certificate");
    if (member == json.end()) return;
    const std::string at = "/certificate";
    if (!read_.object(*member, at, {"title", "fields"})) return;
    Certificate result;
    if (auto title = read_.message(*member, at, "title", true)) result.title = *title;
    const Json* fields = read_.array(*member, at, "fields", true);
    if (!fields) return;
    for (std::size_t i = 0; i < fields->size(); ++i) {
      if (auto stated =
              certificate_field((*fields)[i], at + "/fields/" + std::to_string(i), result)) {
        result.fields.push_back(*stated);
      }
    }
    form_.certificate = std::move(result);
  }

  // {"level": "qualified", "signer": a top-level field or computed id}.
  void signature(const Json& json) {
    const auto member = json.find("signature");
    if (member == json.end()) return;
    const std::string at = "/signature";
    if (!read_.object(*member, at, {"level", "signer"})) return;
    const auto level = read_.string(*member, at, "level", true);
    const auto signer = read_.string(*member, at, "signer", true);
    if (!level || !signer) return;
    if (*level != "qualified") {
      read_.error("definition.wrong_type", at + "/level",
                  {"Поддържа се само „qualified“ (квалифициран електронен подпис)",
                   "Only \"qualified\" (a qualified electronic signature) is supported"},
                  {{"member", "level"}, {"expected", "qualified"}});
      return;
    }
    const bool computed = std::any_of(form_.computed.begin(), form_.computed.end(),
                                      [&](const Computed& value) { return value.id == *signer; });
    if (!computed && !form_.top_by_id.count(*signer)) {
      read_.error("definition.unknown_member", at + "/signer",
                  {"Няма поле или изчислена стойност „" + *signer + "“",
                   "There is no top-level field or computed value \"" + *signer + "\""},
                  {{"member", *signer}});
      return;
    }
    form_.signature = SignatureSpec{*level, *signer};
  }

  // A stated field: its id, or {"field": ID, "label"?: {"bg","en"}}.
  std::optional<Certificate::Stated> certificate_field(const Json& item, const std::string& path,
                                                       const Certificate& so_far) {
    std::optional<std::string> id;
    std::optional<Message> label;
    if (item.is_object()) {
      if (!read_.object(item, path, {"field", "label"})) return std::nullopt;
      id = read_.string(item, path, "field", true);
      label = read_.message(item, path, "label", false);
      if (!id) return std::nullopt;
    } else if (item.is_string()) {
      id = item.get<std::string>();
    }
    const std::string at = item.is_object() ? path + "/field" : path;
    const auto top = id ? form_.top_by_id.find(*id) : form_.top_by_id.end();
    if (top == form_.top_by_id.end()) {
      const std::string name = id.value_or(json_text(item));
      read_.error("definition.unknown_member", at,
                  {"Няма поле „" + name + "“ на най-горно ниво",
                   "There is no top-level field \"" + name + "\""},
                  {{"member", name}});
      return std::nullopt;
    }
    for (const auto& earlier : so_far.fields) {
      if (earlier.field == top->second) {
        read_.error("definition.duplicate_id", at,
                    {"Полето е посочено два пъти", "The field is listed twice"}, {{"id", *id}});
        return std::nullopt;
      }
    }
    return Certificate::Stated{top->second, label.value_or(form_.fields[top->second].name)};
  }

  const expr::Registry* functions_;
  Reader read_;
  Form form_;
  FormSchema schema_;
  std::vector<Pending> pending_;
  std::set<std::string> step_ids_;
};

}  // namespace

Loaded load(const Json& definition, const expr::Registry* functions) {
  Loaded loaded;
  std::shared_ptr<Form> form = Loader(functions, loaded.errors).run(definition);
  if (loaded.errors.empty()) loaded.form = std::move(form);
  return loaded;
}

std::string_view form_id(const Form& form) { return form.id; }
std::int64_t form_version(const Form& form) { return form.version; }
Message form_title(const Form& form) { return form.title; }

std::vector<std::string> personal_fields(const Form& form) {
  std::vector<std::string> ids;
  for (const int index : form.top) {
    if (form.fields[index].personal) ids.push_back(form.fields[index].id);
  }
  return ids;
}

std::optional<Message> field_name(const Form& form, std::string_view id) {
  const auto top = form.top_by_id.find(id);
  if (top == form.top_by_id.end()) return std::nullopt;
  return form.fields[top->second].name;
}

const std::optional<service::Service>& form_service(const Form& form) { return form.service; }

std::optional<CertificateSpec> certificate_spec(const Form& form) {
  if (!form.certificate) return std::nullopt;
  CertificateSpec spec{form.certificate->title, {}};
  for (const auto& stated : form.certificate->fields) {
    spec.fields.push_back({form.fields[stated.field].id, stated.label});
  }
  return spec;
}

std::optional<SignatureSpec> signature_spec(const Form& form) { return form.signature; }

}  // namespace civic::forms
