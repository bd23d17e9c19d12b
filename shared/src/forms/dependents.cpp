#include <optional>

#include "definition.hpp"
#include "incremental.hpp"

namespace civic::forms {

namespace {

constexpr int kNobody = -1;  // no field's expression reads the slot
constexpr int kMany = -2;    // a step condition, a field's own condition or two fields read it

// Who reads each slot: kNobody, the one top-level field (by slot) whose expressions read it
// (directly or through computed values), or kMany. The form's rules are left out: they are
// evaluated again after every change.
class Readers {
 public:
  explicit Readers(const Form& form) : form_(form), reader_(form.slot_count, kNobody) {
    for (const Step& step : form.steps) read(step.visible_if, kMany);
    for (std::size_t slot = 0; slot < form.top.size(); ++slot) {
      const Field& field = form.fields[form.top[slot]];
      read(field.visible_if, kMany);  // decides whether the field is in the report at all
      tree(field, static_cast<int>(slot));
    }
    // A computed value reads only those before it: from the last, each passes its readers on
    // to what it reads.
    for (auto computed = form.computed.rbegin(); computed != form.computed.rend(); ++computed) {
      const int reader = reader_[static_cast<std::size_t>(computed->slot)];
      if (reader != kNobody) read(computed->value, reader);
    }
  }

  int reader(int slot) const { return reader_[static_cast<std::size_t>(slot)]; }

 private:
  void read(const std::optional<expr::Expression>& expression, int field) {
    if (expression) read(*expression, field);
  }

  void read(const expr::Expression& expression, int field) {
    for (const int slot : expression.slots()) {
      int& reader = reader_[static_cast<std::size_t>(slot)];
      reader = reader == kNobody || reader == field ? field : kMany;
    }
  }

  // The expressions of `field` and of the fields inside it (with their conditions), read by
  // top-level field `top`.
  void tree(const Field& field, int top) {
    for (const auto* expression : {&field.required_if, &field.min, &field.max, &field.pattern}) {
      read(*expression, top);
    }
    for (const Rule& rule : field.rules) read(rule.check, top);
    for (const int child : field.children) {
      read(form_.fields[child].visible_if, top);
      tree(form_.fields[child], top);
    }
  }

  const Form& form_;
  std::vector<int> reader_;  // by slot
};

bool unique_computed_ids(const Form& form) {
  for (std::size_t i = 0; i < form.computed.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (form.computed[i].id == form.computed[j].id) return false;
    }
  }
  return true;
}

}  // namespace

Dependents::Dependents(const Form& form)
    : alone_(form.top.size(), 0), computed_reading_(form.top.size(), 0) {
  if (!unique_computed_ids(form)) return;  // a report keeps one value per id
  const Readers readers(form);
  const std::size_t fields = form.top.size();
  for (std::size_t slot = 0; slot < fields; ++slot) {
    const int reader = readers.reader(static_cast<int>(slot));
    alone_[slot] = form.fields[form.top[slot]].children.empty() &&
                   (reader == kNobody || reader == static_cast<int>(slot));
  }
  // The computed values each field's change reaches, in order (one reads only those before
  // it): reaches[field * slot_count + s] is 1 when the change reaches slot s.
  std::vector<std::uint8_t> reaches(fields * form.slot_count, 0);
  for (std::size_t slot = 0; slot < fields; ++slot) reaches[slot * form.slot_count + slot] = 1;
  for (std::size_t i = 0; i < form.computed.size() && i < 64; ++i) {
    const std::vector<int> reads = form.computed[i].value.slots();
    for (std::size_t slot = 0; slot < fields; ++slot) {
      std::uint8_t* reached = &reaches[slot * form.slot_count];
      for (const int read : reads) {
        if (!reached[read]) continue;
        reached[form.computed[i].slot] = 1;
        computed_reading_[slot] |= std::uint64_t{1} << i;
        break;
      }
    }
  }
}

}  // namespace civic::forms
