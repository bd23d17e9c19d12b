#include "civic/forms.hpp"
#include "definition.hpp"
#include "incremental.hpp"

namespace civic::forms {

namespace {

Error bad_pointer(std::string_view pointer) {
  return Error{
      "form.bad_pointer",
      std::string(pointer),
      {"Мястото на отговора не може да се намери", "The place of the answer cannot be found"},
      {{"pointer", std::string(pointer)}}};
}

// The next reference token of a JSON pointer, unescaped (~1 → /, ~0 → ~).
std::string token(std::string_view pointer, std::size_t& pos) {
  std::string out;
  for (++pos; pos < pointer.size() && pointer[pos] != '/'; ++pos) {
    if (pointer[pos] == '~' && pos + 1 < pointer.size()) {
      out += pointer[++pos] == '1' ? '/' : '~';
    } else {
      out += pointer[pos];
    }
  }
  return out;
}

// "0", "12" → the index; "-" → size (append); anything else → nullopt.
std::optional<std::size_t> array_index(const std::string& text, std::size_t size) {
  if (text == "-") return size;
  if (text.empty() || text.size() > 6 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  std::size_t index = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index <= size ? std::optional(index) : std::nullopt;
}

}  // namespace

FormSession::FormSession(std::shared_ptr<const Form> form, Context context)
    : form_(std::move(form)),
      context_(std::move(context)),
      state_(std::make_unique<SessionState>(*form_)) {
  revalidate();
}

FormSession::FormSession(FormSession&&) noexcept = default;
FormSession& FormSession::operator=(FormSession&&) noexcept = default;
FormSession::~FormSession() = default;

void FormSession::revalidate() {
  report_ = validate(*form_, answers_, context_, &state_->memo, &state_->layout);
}

void FormSession::revalidate_answer(std::string_view top_level_id) {
  const auto found = form_->top_by_id.find(top_level_id);
  if (found == form_->top_by_id.end()) return;  // not a field's answer: nothing reads it
  const int slot = form_->fields[found->second].slot;
  if (!state_->dependents.alone(slot) ||
      !revalidate_field(*form_, answers_, context_, state_->dependents, slot, report_,
                        state_->layout)) {
    revalidate();
  }
}

const Report& FormSession::set_answers(Json answers) {
  answers_ = answers.is_object() ? std::move(answers) : Json::object();
  revalidate();
  return report_;
}

Result<Unit> FormSession::set_answer(std::string_view pointer, Json value) {
  if (pointer.empty() || pointer[0] != '/') return bad_pointer(pointer);
  Json* at = &answers_;
  std::size_t pos = 0;
  std::string name = token(pointer, pos);
  const std::string top_level_id = name;
  while (pos < pointer.size()) {  // walk to the parent of the last token
    if (at->is_array()) {
      const auto index = array_index(name, at->size());
      if (!index) return bad_pointer(pointer);
      if (*index == at->size()) at->push_back(Json::object());
      at = &(*at)[*index];
    } else if (at->is_object() || at->is_null()) {
      at = &(*at)[name];
    } else {
      return bad_pointer(pointer);
    }
    name = token(pointer, pos);
  }
  if (at->is_array()) {
    const auto index = array_index(name, at->size());
    if (!index) return bad_pointer(pointer);
    if (value.is_null()) {
      if (*index < at->size()) at->erase(*index);
    } else if (*index == at->size()) {
      at->push_back(std::move(value));
    } else {
      (*at)[*index] = std::move(value);
    }
  } else if (at->is_object() || at->is_null()) {
    if (value.is_null()) {
      if (at->is_object()) at->erase(name);
    } else {
      (*at)[name] = std::move(value);
    }
  } else {
    return bad_pointer(pointer);
  }
  revalidate_answer(top_level_id);
  return Unit{};
}

const Report& FormSession::set_today(Date today) {
  context_.today = today;
  state_->memo = AnswerMemo(*form_);  // answers are read against the new today
  revalidate();
  return report_;
}

}  // namespace civic::forms
