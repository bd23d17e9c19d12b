// The function registry and the standard functions.
#include <algorithm>

#include "../text/utf8.hpp"
#include "civic/expr.hpp"
#include "civic/identity.hpp"

namespace civic::expr {

namespace {

// The birth date behind an EGN, or a date / ISO date text as is; null otherwise.
Value birth_or_date(const Value& value, Date today) {
  if (value.type() == Type::date) return value;
  if (value.type() != Type::string) return Value();
  const std::string& text = value.as_string();
  if (text.size() == 10 && text.find('-') == std::string::npos) {
    auto egn = check_egn(text, today);
    return egn ? Value::date(egn->birth_date) : Value();
  }
  return Value::from_json(Json(text), Type::date);
}

Value age(std::span<const Value> args, const Env&) {
  if (args[1].is_null()) return Value();
  const Value birth = birth_or_date(args[0], args[1].as_date());
  if (birth.is_null()) return Value();
  const int years = age_on(birth.as_date(), args[1].as_date());
  return Value::number(Decimal::from_micros(std::int64_t{years} * Decimal::kScale));
}

Value birth_date(std::span<const Value> args, const Env& env) {
  if (args[0].is_null()) return Value();
  auto egn = check_egn(args[0].as_string(), env.today);
  return egn ? Value::date(egn->birth_date) : Value();
}

Value length(std::span<const Value> args, const Env&) {
  std::int64_t n = 0;
  if (args[0].type() == Type::list) {
    n = static_cast<std::int64_t>(args[0].as_list().size());
  } else if (args[0].type() == Type::string) {
    const std::string& text = args[0].as_string();
    for (std::size_t pos = 0; pos < text.size(); ++n) utf8::next(text, pos);
  } else {
    return Value();
  }
  return Value::number(Decimal::from_micros(n * Decimal::kScale));
}

Value is_egn(std::span<const Value> args, const Env& env) {
  if (args[0].is_null()) return Value();
  return Value::boolean(check_egn(args[0].as_string(), env.today).ok());
}

Value is_lnch(std::span<const Value> args, const Env&) {
  if (args[0].is_null()) return Value();
  return Value::boolean(check_lnch(args[0].as_string()).ok());
}

Registry make_standard() {
  Registry registry;
  registry.add({"today", {}, Type::date, [](std::span<const Value>, const Env& env) {
                  return Value::date(env.today);
                }});
  registry.add({"age", {Type::any, Type::date}, Type::number, age});
  registry.add({"birth_date", {Type::string}, Type::date, birth_date});
  registry.add({"len", {Type::any}, Type::number, length});
  registry.add({"is_egn", {Type::string}, Type::boolean, is_egn});
  registry.add({"is_lnch", {Type::string}, Type::boolean, is_lnch});
  return registry;
}

}  // namespace

const Registry& Registry::standard() {
  static const Registry kStandard = make_standard();
  return kStandard;
}

void Registry::add(Function function) {
  auto same = std::find_if(functions_.begin(), functions_.end(),
                           [&](const auto& f) { return f->name == function.name; });
  auto owned = std::make_shared<const Function>(std::move(function));
  if (same != functions_.end()) {
    *same = std::move(owned);
  } else {
    functions_.push_back(std::move(owned));
  }
}

const Function* Registry::find(std::string_view name) const {
  for (const auto& function : functions_) {
    if (function->name == name) return function.get();
  }
  return nullptr;
}

}  // namespace civic::expr
