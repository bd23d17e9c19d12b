// validate(): three passes over the definition.
//   1. In definition order: which fields are visible (hidden ones read as unanswered by every
//      later condition), each answer's shape, and the canonical answers.
//   2. Computed values, in order.
//   3. For each visible field: required / required_if, bounds, its rules; then the form's rules.
// revalidate_field() runs the passes for one top-level field and the form's rules, in place.
#include <deque>

#include "definition.hpp"
#include "incremental.hpp"
#include "messages.hpp"

namespace civic::forms {

namespace {

// One visible field (a repeat's child once per item). Its JSON pointer is the report's
// visible[at]: instances and visible pointers are added together.
struct Instance {
  const Field* field;
  std::size_t at;
  const Json* value;  // canonical value, nullptr when unanswered
  const Json* item;   // the enclosing repeat item, or nullptr
  int top;            // the slot of its top-level field
  std::vector<Error> errors;
};

bool is_empty(const Field& field, const Json* value) {
  if (!value || value->is_null()) return true;
  if (field.type == FieldType::consent) return !value->get<bool>();
  if (value->is_array() || value->is_object()) return value->empty();
  return false;
}

class Validator {
 public:
  Validator(const Form& form, const Context& context, AnswerMemo* memo, Report& report,
            ReportLayout& layout)
      : form_(form),
        context_(context),
        memo_(memo),
        report_(report),
        layout_(layout),
        slots_(form.slot_count, nullptr) {}

  void run(const Json& raw_answers) {
    if (raw_answers.is_object()) {
      for (const auto& [key, value] : raw_answers.items()) {
        const auto found = form_.top_by_id.find(key);
        if (found != form_.top_by_id.end()) slots_[form_.fields[found->second].slot] = &value;
      }
    }
    layout_.visible.assign(form_.top.size(), 0);
    layout_.errors.assign(form_.top.size(), 0);
    report_.steps.reserve(form_.steps.size());
    report_.visible.reserve(form_.fields.size());
    instances_.reserve(form_.fields.size());
    for (const Step& step : form_.steps) {
      const bool visible = !step.visible_if || holds(*step.visible_if, nullptr, nullptr);
      report_.steps.push_back({step.id, visible, visible});
      for (const int index : step.fields) {
        const Field& field = form_.fields[index];
        top_ = field.slot;
        const Json* raw = slots_[field.slot];
        slots_[field.slot] = nullptr;
        if (visible && (!field.visible_if || holds(*field.visible_if, raw, nullptr))) {
          slots_[field.slot] = build(field, raw, "/" + field.id, nullptr);
          layout_.visible[field.slot] = 1;
        }
      }
    }
    computed();
    for (Instance& instance : instances_) check(instance);
    layout_.rule_errors = 0;
    form_rules();
    // Every check is done: move the computed values (an id given twice keeps the last value)
    // and the canonical values out of the store (ids are unique, so append without the map's
    // look-up).
    report_.computed.get_ref<Json::object_t&>().reserve(computed_.size());
    for (std::size_t i = 0; i < computed_.size(); ++i) {
      report_.computed[form_.computed[i].id] = std::move(computed_[i]);
    }
    auto& answers = report_.answers.get_ref<Json::object_t&>();
    answers.reserve(form_.top.size());
    for (const int index : form_.top) {
      const Field& field = form_.fields[index];
      if (!slots_[field.slot]) continue;
      answers.Container::emplace_back(field.id, std::move(*const_cast<Json*>(slots_[field.slot])));
    }
    report_.valid = report_.errors.empty();
  }

  // The field in `slot` (a visible one without fields inside it) checked again from its answer
  // `raw`; the computed values in `again` (Dependents::computed_reading) and the form's rules
  // evaluated again; the rest kept. False, with nothing changed, when its canonical answer
  // appears or goes.
  bool rerun(int slot, const Json* raw, std::uint64_t again) {
    const Field& field = form_.fields[form_.top[slot]];
    Json* answer = read_report_answers(slot);
    top_ = slot;
    std::vector<std::string> pointer;  // its visible pointer, already in the report
    visible_ = &pointer;
    const Json* value = build(field, raw, "/" + field.id, nullptr);
    if (!value != !answer) return false;
    slots_[slot] = value;
    recompute(again);
    std::vector<Error> errors;
    errors_ = &errors;
    const std::size_t errors_before = layout_.errors[slot];
    layout_.errors[slot] = 0;  // counted again by check()
    check(instances_.front());
    replace_errors(slot, errors_before, errors);
    for (StepState& step : report_.steps) step.complete = step.visible;
    for (std::size_t top = 0; top < form_.top.size(); ++top) {
      if (layout_.errors[top] > 0) {
        report_.steps[form_.fields[form_.top[top]].step].complete = false;
      }
    }
    form_rules();
    if (answer) *answer = std::move(*const_cast<Json*>(value));
    report_.valid = report_.errors.empty();
    return true;
  }

 private:
  // The slots of the top-level fields from the report's canonical answers (in slot order);
  // returns the answer of the field in `slot` there, or nullptr.
  Json* read_report_answers(int slot) {
    Json::object_t::Container& answers = report_.answers.get_ref<Json::object_t&>();
    Json* answer = nullptr;
    std::size_t at = 0;
    for (std::size_t top = 0; top < form_.top.size(); ++top) {
      if (at < answers.size() && answers[at].first == form_.fields[form_.top[top]].id) {
        if (static_cast<int>(top) == slot) answer = &answers[at].second;
        slots_[top] = &answers[at++].second;
      }
    }
    return answer;
  }

  // Pass 2 again, in the report, for the computed values in `again` (bit i: the i-th; every
  // one past the 64th): each sees the values before it, as in a full validation.
  void recompute(std::uint64_t again) {
    Json::object_t::Container& values = report_.computed.get_ref<Json::object_t&>();
    for (std::size_t i = 0; i < form_.computed.size(); ++i) {
      const Computed& item = form_.computed[i];
      if (i >= 64 || (again >> i & 1) != 0) {
        auto value = item.value.evaluate(env(nullptr, nullptr));
        values[i].second = value ? value->to_json() : Json(nullptr);
      }
      slots_[item.slot] = &values[i].second;
    }
  }

  // The field's errors (`errors_before` of them) replaced by `errors`; the form rules' errors
  // dropped (they are evaluated again, into the report).
  void replace_errors(int slot, std::size_t errors_before, std::vector<Error>& errors) {
    std::size_t at = 0;
    for (int top = 0; top < slot; ++top) at += layout_.errors[top];
    std::vector<Error>& list = report_.errors;
    std::vector<Error> out;
    out.reserve(list.size() - errors_before - layout_.rule_errors + errors.size());
    for (std::size_t i = 0; i < at; ++i) out.push_back(std::move(list[i]));
    for (Error& error : errors) out.push_back(std::move(error));
    for (std::size_t i = at + errors_before; i + layout_.rule_errors < list.size(); ++i) {
      out.push_back(std::move(list[i]));
    }
    list = std::move(out);
    layout_.rule_errors = 0;
    errors_ = &report_.errors;
  }

  expr::Env env(const Json* self, const Json* item) const {
    expr::Env env;
    env.slots = slots_;
    env.self = self;
    env.item = item;
    env.today = context_.today;
    return env;
  }

  const std::string& pointer_of(const Instance& instance) const { return (*visible_)[instance.at]; }

  bool holds(const expr::Expression& condition, const Json* self, const Json* item) const {
    auto value = condition.evaluate(env(self, item));
    return value && expr::is_true(*value);
  }

  const Json* store(Json value) {
    store_.push_back(std::move(value));
    return &store_.back();
  }

  // Pass 1 for one visible field: returns its canonical value (nullptr when unanswered).
  const Json* build(const Field& field, const Json* raw, std::string pointer, const Json* item) {
    const std::size_t at = instances_.size();
    visible_->push_back(std::move(pointer));
    instances_.push_back({&field, at, nullptr, item, top_, {}});
    if (!raw || raw->is_null()) return nullptr;
    const Json* value = nullptr;
    if (field.type == FieldType::group) {
      value = group(field, at, *raw, item);
    } else if (field.type == FieldType::repeat) {
      value = repeat(field, at, *raw);
    } else if (memo_) {
      const Checked& checked = memo_->check(field, *raw, (*visible_)[at], context_);
      instances_[at].errors = checked.errors;
      if (!checked.value.is_null()) value = store(checked.value);
    } else {
      Checked checked = check_answer(field, *raw, (*visible_)[at], context_);
      instances_[at].errors = std::move(checked.errors);
      if (!checked.value.is_null()) value = store(std::move(checked.value));
    }
    instances_[at].value = value;
    return value;
  }

  void wrong_type(std::size_t at) {
    Instance& instance = instances_[at];
    instance.errors.push_back(
        field_error(*instance.field, "form.wrong_type", pointer_of(instance), "format"));
  }

  // The children of a group (or of one repeat item) into `object`.
  void children(const Field& parent, const Json& raw, Json& object, const std::string& pointer,
                const Json* item) {
    for (const int index : parent.children) {
      const Field& child = form_.fields[index];
      const auto found = raw.find(child.id);
      const Json* child_raw = found != raw.end() ? &*found : nullptr;
      if (child.visible_if && !holds(*child.visible_if, child_raw, item)) continue;
      const Json* value = build(child, child_raw, pointer + "/" + child.id, item);
      if (value) object[child.id] = *value;
    }
  }

  const Json* group(const Field& field, std::size_t at, const Json& raw, const Json* item) {
    if (!raw.is_object()) {
      wrong_type(at);
      return nullptr;
    }
    Json* object = &store_.emplace_back(Json::object());
    if (field.slot >= 0) slots_[field.slot] = object;  // siblings may refer to each other
    const std::string pointer = (*visible_)[at];       // the visible pointers grow below
    children(field, raw, *object, pointer, item);
    return object;
  }

  const Json* repeat(const Field& field, std::size_t at, const Json& raw) {
    if (!raw.is_array()) {
      wrong_type(at);
      return nullptr;
    }
    Json* list = &store_.emplace_back(Json::array());
    list->get_ref<Json::array_t&>().reserve(raw.size());  // items stay in place while built
    if (field.slot >= 0) slots_[field.slot] = list;
    const std::string pointer = (*visible_)[at];
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (!raw[i].is_object()) {
        wrong_type(at);
        instances_[at].errors.back().path = pointer + "/" + std::to_string(i);
        continue;
      }
      Json& item = list->emplace_back(Json::object());
      children(field, raw[i], item, pointer + "/" + std::to_string(list->size() - 1), &item);
    }
    const auto count = static_cast<std::int64_t>(list->size());
    if (instances_[at].errors.empty() && count > 0) {
      if (field.min_items && count < *field.min_items) items_error(at, "too_few", *field.min_items);
      if (field.max_items && count > *field.max_items)
        items_error(at, "too_many", *field.max_items);
    }
    return list;
  }

  void items_error(std::size_t at, const char* state, std::int64_t limit) {
    Instance& instance = instances_[at];
    const std::string text = std::to_string(limit);
    instance.errors.push_back(field_error(*instance.field, std::string("form.") + state,
                                          pointer_of(instance), state, text, text));
    instance.errors.back().params["limit"] = limit;
  }

  void computed() {
    computed_.reserve(form_.computed.size());
    for (const Computed& item : form_.computed) {
      if (item.constant) {
        computed_.push_back(*item.constant);
      } else {
        auto value = item.value.evaluate(env(nullptr, nullptr));
        computed_.push_back(value ? value->to_json() : Json(nullptr));
      }
      slots_[item.slot] = &computed_.back();
    }
  }

  // Pass 3 for one visible field.
  void check(Instance& instance) {
    const Field& field = *instance.field;
    if (!instance.errors.empty()) {
      for (Error& error : instance.errors) fail(instance, std::move(error));
      return;
    }
    if (is_empty(field, instance.value)) {
      const bool required = field.required || (field.required_if &&
                                               holds(*field.required_if, nullptr, instance.item));
      if (required)
        fail(instance, field_error(field, "form.missing", pointer_of(instance), "missing"));
      return;
    }
    if (auto error = bounds(instance)) return fail(instance, std::move(*error));
    for (const Rule& rule : field.rules) {
      auto result = rule.check.evaluate(env(instance.value, instance.item));
      if (!result) {
        return fail(instance, field_error(field, "form.rule_error", pointer_of(instance), ""));
      }
      if (expr::is_false(*result)) {
        return fail(instance, Error{"form.rule",
                                    pointer_of(instance),
                                    rule.message,
                                    {{"field", field.id}, {"rule", rule.id}}});
      }
    }
  }

  // An error of a visible field (its path is inside the field's): its step is not complete.
  void fail(const Instance& instance, Error error) {
    report_.steps[form_.fields[form_.top[instance.top]].step].complete = false;
    ++layout_.errors[instance.top];
    errors_->push_back(std::move(error));
  }

  std::optional<Error> bounds(const Instance& instance) {
    const Field& field = *instance.field;
    if (!field.min && !field.max) return std::nullopt;
    const expr::Value value = expr::Value::from_json(*instance.value, value_type(field.type));
    if (value.is_null()) return std::nullopt;
    for (const bool lower : {true, false}) {
      const auto& bound = lower ? field.min : field.max;
      if (!bound) continue;
      auto limit = bound->evaluate(env(instance.value, instance.item));
      if (!limit || limit->is_null() || limit->type() != value.type()) continue;
      const bool outside =
          field.type == FieldType::date
              ? (lower ? value.as_date() < limit->as_date() : value.as_date() > limit->as_date())
              : (lower ? value.as_number() < limit->as_number()
                       : value.as_number() > limit->as_number());
      if (!outside) continue;
      return bound_error(instance, *limit, lower);
    }
    return std::nullopt;
  }

  Error bound_error(const Instance& instance, const expr::Value& limit, bool lower) {
    const Field& field = *instance.field;
    const bool date = field.type == FieldType::date;
    const char* code = date ? (lower ? "form.too_early" : "form.too_late")
                            : (lower ? "form.too_small" : "form.too_large");
    const std::string state = std::string(code).substr(5);
    Message text{limit.as_number().to_string(), ""};
    if (date) {
      text = human_date(limit.as_date());
    } else {
      text.en = text.bg;
    }
    Error error = field_error(field, code, pointer_of(instance), state, text.bg, text.en);
    if (date && !lower && limit.as_date() == context_.today) {
      error.message = field.messages.count(state)
                          ? error.message
                          : Message{field.name.bg + " трябва да е днес или в миналото",
                                    field.name.en + " must be today or in the past"};
    }
    error.params["limit"] = limit.to_json();
    return error;
  }

  // An error of a form rule: the step of the field it blames is not complete.
  void emit(Error error) {
    mark_step(error.path);
    ++layout_.rule_errors;
    report_.errors.push_back(std::move(error));
  }

  // The step of the top-level field a pointer starts in is not complete.
  void mark_step(const std::string& pointer) {
    const std::size_t end = pointer.find('/', 1);
    const auto found = form_.top_by_id.find(std::string_view(pointer).substr(
        1, end == std::string::npos ? std::string::npos : end - 1));
    if (pointer.size() > 1 && found != form_.top_by_id.end()) {
      report_.steps[form_.fields[found->second].step].complete = false;
    }
  }

  void form_rules() {
    for (const Rule& rule : form_.rules) {
      auto result = rule.check.evaluate(env(nullptr, nullptr));
      const bool blamed_has_error =
          !rule.path.empty() && std::any_of(report_.errors.begin(), report_.errors.end(),
                                            [&](const Error& e) { return e.path == rule.path; });
      if (blamed_has_error) continue;
      if (!result) {
        emit(Error{"form.rule_error",
                   rule.path,
                   {"Отговорите не могат да се проверят в момента",
                    "Your answers cannot be checked at the moment"},
                   {{"rule", rule.id}}});
      } else if (expr::is_false(*result)) {
        emit(Error{"form.rule", rule.path, rule.message, {{"rule", rule.id}}});
      }
    }
  }

  const Form& form_;
  const Context& context_;
  AnswerMemo* memo_;
  Report& report_;
  ReportLayout& layout_;
  std::vector<std::string>* visible_ = &report_.visible;  // where visible pointers are added
  std::vector<Error>* errors_ = &report_.errors;          // where the fields' errors are added
  std::vector<const Json*> slots_;
  std::deque<Json> store_;
  std::vector<Json> computed_;
  std::vector<Instance> instances_;
  int top_ = -1;  // the slot of the top-level field being built
};

}  // namespace

Report validate(const Form& form, const Json& answers, const Context& context, AnswerMemo* memo,
                ReportLayout* layout) {
  Report report;
  ReportLayout unused;
  Validator(form, context, memo, report, layout ? *layout : unused).run(answers);
  return report;
}

Report validate(const Form& form, const Json& answers, const Context& context) {
  return validate(form, answers, context, nullptr, nullptr);
}

bool revalidate_field(const Form& form, const Json& answers, const Context& context,
                      const Dependents& dependents, int slot, Report& report,
                      ReportLayout& layout) {
  if (!layout.visible[static_cast<std::size_t>(slot)]) return true;  // hidden: not in the report
  const Field& field = form.fields[form.top[static_cast<std::size_t>(slot)]];
  const auto raw = answers.find(field.id);
  // No memo: the answer that changed is read as it is.
  return Validator(form, context, nullptr, report, layout)
      .rerun(slot, raw != answers.end() ? &*raw : nullptr, dependents.computed_reading(slot));
}

}  // namespace civic::forms
