#include "civic/expr.hpp"

namespace civic::expr {

const char* to_string(Type type) {
  switch (type) {
    case Type::any: return "any";
    case Type::null: return "null";
    case Type::boolean: return "boolean";
    case Type::number: return "number";
    case Type::string: return "string";
    case Type::date: return "date";
    case Type::list: return "list";
    case Type::object: return "object";
  }
  return "any";
}

Value Value::boolean(bool value) {
  Value v;
  v.type_ = Type::boolean;
  v.boolean_ = value;
  return v;
}

Value Value::number(Decimal value) {
  Value v;
  v.type_ = Type::number;
  v.number_ = value;
  return v;
}

Value Value::string(std::string value) {
  Value v;
  v.type_ = Type::string;
  v.string_ = std::move(value);
  return v;
}

Value Value::date(Date value) {
  Value v;
  v.type_ = Type::date;
  v.date_ = value;
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  v.type_ = Type::list;
  v.list_ = std::move(items);
  return v;
}

Value Value::object(const Json& object) {
  Value v;
  v.type_ = Type::object;
  v.object_ = &object;
  return v;
}

namespace {

Value number_from_json(const Json& json) {
  std::optional<Decimal> number;
  if (json.is_number_integer()) {
    number = json.is_number_unsigned() && json.get<std::uint64_t>() > INT64_MAX
                 ? std::nullopt
                 : Decimal::from_integer(json.get<std::int64_t>());
  } else {
    number = Decimal::from_double(json.get<double>());
  }
  return number ? Value::number(*number) : Value();
}

Value untyped_from_json(const Json& json) {
  switch (json.type()) {
    case Json::value_t::boolean: return Value::boolean(json.get<bool>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return number_from_json(json);
    case Json::value_t::string: return Value::string(json.get<std::string>());
    case Json::value_t::object: return Value::object(json);
    case Json::value_t::array: {
      std::vector<Value> items;
      items.reserve(json.size());
      for (const Json& item : json) items.push_back(untyped_from_json(item));
      return Value::list(std::move(items));
    }
    default: return Value();
  }
}

}  // namespace

Value Value::from_json(const Json& json, Type expected) {
  if (expected == Type::date) {
    if (!json.is_string()) return Value();
    auto date = parse_iso_date(json.get_ref<const std::string&>());
    return date ? Value::date(*date) : Value();
  }
  Value value = untyped_from_json(json);
  if (expected != Type::any && value.type() != expected) return Value();
  return value;
}

Json Value::to_json() const {
  switch (type_) {
    case Type::boolean: return Json(boolean_);
    case Type::number: return number_.to_json();
    case Type::string: return Json(string_);
    case Type::date: return Json(to_iso(date_));
    case Type::list: {
      Json out = Json::array();
      for (const Value& item : list_) out.push_back(item.to_json());
      return out;
    }
    case Type::object: return *object_;
    default: return Json(nullptr);
  }
}

bool operator==(const Value& a, const Value& b) {
  if (a.type_ != b.type_) return false;
  switch (a.type_) {
    case Type::boolean: return a.boolean_ == b.boolean_;
    case Type::number: return a.number_ == b.number_;
    case Type::string: return a.string_ == b.string_;
    case Type::date: return a.date_ == b.date_;
    case Type::list: return a.list_ == b.list_;
    case Type::object: return *a.object_ == *b.object_;
    default: return true;
  }
}

Json Trace::to_json(std::string_view source) const {
  Json out = Json::array();
  for (const TraceStep& step : steps) {
    const std::size_t begin = std::min<std::size_t>(step.begin, source.size());
    const std::size_t end = std::min<std::size_t>(std::max(step.begin, step.end), source.size());
    out.push_back(Json{{"expr", std::string(source.substr(begin, end - begin))},
                       {"value", step.value.to_json()}});
  }
  return out;
}

}  // namespace civic::expr
