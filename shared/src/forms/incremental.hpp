// Revalidating one changed answer instead of the whole form (internal to the forms module).
//
// A FormSession sets one answer at a time. When nothing outside a top-level field without
// fields inside it reads that field (directly or through computed values), its change touches
// only its own part of the report: its errors, its canonical answer, the computed values that
// read it, step completeness and the form's rules. revalidate_field() rebuilds just those parts, in
// place, and gives the report validate() would give for the same answers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "answer_memo.hpp"

namespace civic::forms {

// Which top-level fields can be revalidated alone: built once per form from what its
// expressions read.
class Dependents {
 public:
  explicit Dependents(const Form& form);

  // True when a change to the answer of the top-level field in `slot` can change no other
  // field's visibility, canonical answer or errors: it has no fields inside it (a group or a
  // repeat is validated whole), and no step condition, no field's own condition and no other
  // field's expression reads it, or a computed value that reads it; the computed ids are
  // unique.
  bool alone(int slot) const { return alone_[static_cast<std::size_t>(slot)] != 0; }
  // The computed values that read the field in `slot`, directly or through others: bit i for
  // Form::computed[i]. Those past the 64th are not in it (evaluate them again regardless).
  std::uint64_t computed_reading(int slot) const {
    return computed_reading_[static_cast<std::size_t>(slot)];
  }

 private:
  std::vector<std::uint8_t> alone_;              // by slot of a top-level field
  std::vector<std::uint64_t> computed_reading_;  // by slot of a top-level field
};

// Where each top-level field's part of a report lies: its parts are consecutive, in slot
// order (the definition's order), and the form rules' errors come after all of them.
struct ReportLayout {
  std::vector<std::uint8_t> visible;  // 1 where the top-level field is visible, by slot
  std::vector<std::size_t> errors;    // errors of each top-level field, by slot
  std::size_t rule_errors = 0;        // errors of the form's rules, at the end
};

// What a FormSession keeps between validations.
struct SessionState {
  explicit SessionState(const Form& form) : memo(form), dependents(form) {}
  AnswerMemo memo;
  Dependents dependents;
  ReportLayout layout;  // of the session's report
};

// validate(), reading the answers through `memo` (may be null) and recording where each
// field's part lies in `layout` (may be null).
Report validate(const Form& form, const Json& answers, const Context& context, AnswerMemo* memo,
                ReportLayout* layout);

// Brings `report` (validate()'s for the previous answers, laid out as `layout` says) to what
// validate() gives for `answers`, which differ from the previous ones only in the answer of the
// top-level field in `slot`, a field Dependents::alone() allows. Returns false, with `report`
// and `layout` unchanged, when the field's canonical answer appears or goes (typing into an
// empty field, clearing one): validate the whole form then.
bool revalidate_field(const Form& form, const Json& answers, const Context& context,
                      const Dependents& dependents, int slot, Report& report, ReportLayout& layout);

}  // namespace civic::forms
