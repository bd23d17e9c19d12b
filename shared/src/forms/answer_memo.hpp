// What check_answer found for each field's last answer, kept by a FormSession between its
// validations (internal to the forms module): an answer unchanged since the last validation is
// not read again. check_answer depends on nothing but its arguments, so a remembered result is
// the result; a memo serves one form in one context (a new "today" needs a new memo).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "answers.hpp"

namespace civic::forms {

class AnswerMemo {
 public:
  explicit AnswerMemo(const Form& form);

  // check_answer(field, answer, pointer, context): read again only when the field's answer or
  // its pointer (a repeat item's field) differs from the last one it was asked about.
  const Checked& check(const Field& field, const Json& answer, const std::string& pointer,
                       const Context& context);

 private:
  struct Entry {
    bool filled = false;
    std::string pointer;
    Json answer;
    Checked checked;
  };
  std::vector<Entry> by_field_;  // by Field::index
};

}  // namespace civic::forms
