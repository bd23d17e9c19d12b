// Reads one answer of a field that holds a single value: checks its shape and normalises it
// (internal to the forms module). Conditions and rules are checked later, by validate.
#pragma once

#include <string>
#include <vector>

#include "civic/forms.hpp"
#include "definition.hpp"

namespace civic::forms {

struct Checked {
  Json value;                 // the canonical value; null when unanswered (an empty text)
  std::vector<Error> errors;  // paths already set
};

// For every type but group and repeat. `answer` is not null.
Checked check_answer(const Field& field, const Json& answer, const std::string& pointer,
                     const Context& context);

}  // namespace civic::forms
