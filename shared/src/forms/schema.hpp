// A form's fields as an expression schema: names resolve to fields, typed by field type
// (internal to the forms module).
#pragma once

#include "civic/expr.hpp"
#include "definition.hpp"

namespace civic::forms {

class FormSchema final : public expr::Schema {
 public:
  explicit FormSchema(const Form& form) : form_(form) {}

  // The binding of a field's own value (`self`, or a path ending at it).
  expr::Binding binding(const Field& field) const;

  std::optional<expr::Binding> root(std::string_view name) const override;
  std::optional<expr::Binding> member(const expr::Binding& parent,
                                      std::string_view name) const override;
  expr::Binding element(const expr::Binding& list) const override;

 private:
  const Form& form_;
};

}  // namespace civic::forms
