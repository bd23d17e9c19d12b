#include "definition.hpp"
#include "messages.hpp"

namespace civic::forms {

namespace {

void apply(const Migration& migration, Json& answers) {
  for (const auto& [from, to] : migration.rename) {
    const auto found = answers.find(from);
    if (found == answers.end()) continue;
    Json value = std::move(*found);
    answers.erase(from);
    answers[to] = std::move(value);
  }
  for (const std::string& name : migration.remove) answers.erase(name);
  for (const auto& [name, value] : migration.set.items()) answers[name] = value;
}

}  // namespace

Result<Json> migrate(const Form& form, const Json& answers, std::int64_t from_version) {
  if (!answers.is_object()) return needs_review(from_version, form.version);
  Json migrated = answers;
  std::int64_t version = from_version;
  while (version != form.version) {
    const Migration* next = nullptr;
    for (const Migration& migration : form.migrations) {
      if (migration.from == version && (!next || migration.to > next->to)) next = &migration;
    }
    if (!next) return needs_review(from_version, form.version);
    apply(*next, migrated);
    version = next->to;
  }
  return migrated;
}

}  // namespace civic::forms
