#include "answer_memo.hpp"

namespace civic::forms {

AnswerMemo::AnswerMemo(const Form& form) : by_field_(form.fields.size()) {}

const Checked& AnswerMemo::check(const Field& field, const Json& answer, const std::string& pointer,
                                 const Context& context) {
  Entry& entry = by_field_[static_cast<std::size_t>(field.index)];
  if (!entry.filled || entry.pointer != pointer || entry.answer != answer) {
    entry.checked = check_answer(field, answer, pointer, context);
    entry.pointer = pointer;
    entry.answer = answer;
    entry.filled = true;
  }
  return entry.checked;
}

}  // namespace civic::forms
