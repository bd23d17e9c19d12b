#include <cstdlib>

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

Value::Value(const Value& other) {
  if (other.holds_ == Holds::owned_text) {
    new (&owned_text_) std::string(other.owned_text_);
  } else if (other.holds_ == Holds::owned_list) {
    new (&owned_list_) std::vector<Value>(other.owned_list_);
  } else {
    plain_ = other.plain_;
  }
  holds_ = other.holds_;
}

void Value::take_owned(Value&& other) noexcept {
  if (other.holds_ == Holds::owned_text) {
    new (&owned_text_) std::string(std::move(other.owned_text_));
  } else {
    new (&owned_list_) std::vector<Value>(std::move(other.owned_list_));
  }
  holds_ = other.holds_;
}

void Value::release_owned() noexcept {
  if (holds_ == Holds::owned_text) {
    owned_text_.~basic_string();
  } else {
    owned_list_.~vector();
  }
}

Value& Value::operator=(const Value& other) {
  if (this != &other) *this = Value(other);
  return *this;
}

Value Value::boolean(bool value) {
  Value v;
  v.plain_.boolean = value;
  v.holds_ = Holds::boolean;
  return v;
}

Value Value::number(Decimal value) {
  Value v;
  v.plain_.number = value;
  v.holds_ = Holds::number;
  return v;
}

Value Value::string(std::string value) {
  Value v;
  new (&v.owned_text_) std::string(std::move(value));
  v.holds_ = Holds::owned_text;
  return v;
}

Value Value::date(Date value) {
  Value v;
  v.plain_.date = value;
  v.holds_ = Holds::date;
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  new (&v.owned_list_) std::vector<Value>(std::move(items));
  v.holds_ = Holds::owned_list;
  return v;
}

Value Value::object(const Json& object) {
  Value v;
  v.plain_.object = &object;
  v.holds_ = Holds::object;
  return v;
}

Type Value::type() const {
  switch (holds_) {
    case Holds::boolean: return Type::boolean;
    case Holds::number: return Type::number;
    case Holds::owned_text:
    case Holds::borrowed_text: return Type::string;
    case Holds::date: return Type::date;
    case Holds::owned_list:
    case Holds::borrowed_list: return Type::list;
    case Holds::object: return Type::object;
    default: return Type::null;
  }
}

bool Value::as_boolean() const { return holds_ == Holds::boolean && plain_.boolean; }

Decimal Value::as_number() const { return holds_ == Holds::number ? plain_.number : Decimal(); }

const std::string& Value::as_string() const {
  static const std::string kEmpty;
  if (holds_ == Holds::owned_text) return owned_text_;
  return holds_ == Holds::borrowed_text ? *plain_.borrowed_text : kEmpty;
}

Date Value::as_date() const { return holds_ == Holds::date ? plain_.date : Date(); }

const std::vector<Value>& Value::as_list() const {
  static const std::vector<Value> kEmpty;
  if (holds_ == Holds::owned_list) return owned_list_;
  return holds_ == Holds::borrowed_list ? *plain_.borrowed_list : kEmpty;
}

const Json& Value::as_object() const {
  if (holds_ != Holds::object) std::abort();  // a broken precondition, as std::get was
  return *plain_.object;
}

Value Value::owned() const {
  if (holds_ == Holds::borrowed_text) return Value::string(*plain_.borrowed_text);
  if (holds_ != Holds::owned_list && holds_ != Holds::borrowed_list) return *this;
  std::vector<Value> items;
  items.reserve(as_list().size());
  for (const Value& item : as_list()) items.push_back(item.owned());
  return Value::list(std::move(items));
}

Value Value::view() const {
  Value v;
  switch (holds_) {
    case Holds::owned_text:
      v.plain_.borrowed_text = &owned_text_;
      v.holds_ = Holds::borrowed_text;
      break;
    case Holds::owned_list:
      v.plain_.borrowed_list = &owned_list_;
      v.holds_ = Holds::borrowed_list;
      break;
    default: v = *this; break;  // nothing owned: a copy
  }
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

}  // namespace

Value Value::untyped_from_json(const Json& json) {
  switch (json.type()) {
    case Json::value_t::boolean: return Value::boolean(json.get<bool>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return number_from_json(json);
    case Json::value_t::string: {
      Value text;
      text.plain_.borrowed_text = &json.get_ref<const std::string&>();
      text.holds_ = Holds::borrowed_text;
      return text;
    }
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
  switch (type()) {
    case Type::boolean: return Json(as_boolean());
    case Type::number: return as_number().to_json();
    case Type::string: return Json(as_string());
    case Type::date: return Json(to_iso(as_date()));
    case Type::list: {
      Json out = Json::array();
      for (const Value& item : as_list()) out.push_back(item.to_json());
      return out;
    }
    case Type::object: return as_object();
    default: return Json(nullptr);
  }
}

bool operator==(const Value& a, const Value& b) {
  const Type type = a.type();
  if (type != b.type()) return false;
  switch (type) {
    case Type::boolean: return a.as_boolean() == b.as_boolean();
    case Type::number: return a.as_number() == b.as_number();
    case Type::string: return a.as_string() == b.as_string();
    case Type::date: return a.as_date() == b.as_date();
    case Type::list: return a.as_list() == b.as_list();
    case Type::object: return a.as_object() == b.as_object();
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
