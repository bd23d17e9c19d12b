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

Value is_eik(std::span<const Value> args, const Env&) {
  if (args[0].is_null()) return Value();
  return Value::boolean(check_eik(args[0].as_string()).ok());
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t day_number(Date date) {
  const std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t month = date.month > 2 ? date.month - 3 : date.month + 9;
  const std::int64_t day_of_year = (153 * month + 2) / 5 + date.day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Value days_between(std::span<const Value> args, const Env&) {
  if (args[0].is_null() || args[1].is_null()) return Value();
  const std::int64_t days = day_number(args[1].as_date()) - day_number(args[0].as_date());
  return Value::number(Decimal::from_micros(days * Decimal::kScale));
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
  registry.add({"is_eik", {Type::string}, Type::boolean, is_eik});
  registry.add({"days_between", {Type::date, Type::date}, Type::number, days_between});
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
