#include "schema.hpp"

namespace civic::forms {

expr::Type value_type(FieldType type) {
  switch (type) {
    case FieldType::number: return expr::Type::number;
    case FieldType::date: return expr::Type::date;
    case FieldType::multi_choice:
    case FieldType::repeat:
    case FieldType::file: return expr::Type::list;
    case FieldType::address:
    case FieldType::group: return expr::Type::object;
    case FieldType::consent: return expr::Type::boolean;
    default: return expr::Type::string;
  }
}

expr::Binding FormSchema::binding(const Field& field) const {
  const bool structured = field.type == FieldType::group || field.type == FieldType::repeat ||
                          field.type == FieldType::multi_choice;
  return {value_type(field.type), field.slot, structured ? field.index : -1};
}

std::optional<expr::Binding> FormSchema::root(std::string_view name) const {
  const auto found = form_.top_by_id.find(name);
  if (found != form_.top_by_id.end()) return binding(form_.fields[found->second]);
  for (const Computed& computed : form_.computed) {
    if (computed.id == name) return expr::Binding{computed.value.type(), computed.slot, -1};
  }
  return std::nullopt;
}

std::optional<expr::Binding> FormSchema::member(const expr::Binding& parent,
                                                std::string_view name) const {
  if (parent.node < 0) return expr::Binding{};
  for (const int child : form_.fields[parent.node].children) {
    const Field& field = form_.fields[child];
    if (field.id == name) return binding(field);
  }
  return std::nullopt;
}

expr::Binding FormSchema::element(const expr::Binding& list) const {
  if (list.node < 0) return {};
  const Field& field = form_.fields[list.node];
  if (field.type == FieldType::repeat) return {expr::Type::object, -1, field.index};
  return {expr::Type::string, -1, -1};
}

}  // namespace civic::forms
