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

namespace {

// The alternatives of Value::data_, by index.
enum Alternative : std::size_t {
  kNull,
  kBoolean,
  kNumber,
  kOwnedText,
  kBorrowedText,
  kDate,
  kOwnedList,
  kBorrowedList,
  kObject
};

}  // namespace

Value Value::boolean(bool value) {
  Value v;
  v.data_.emplace<kBoolean>(value);
  return v;
}

Value Value::number(Decimal value) {
  Value v;
  v.data_.emplace<kNumber>(value);
  return v;
}

Value Value::string(std::string value) {
  Value v;
  v.data_.emplace<kOwnedText>(std::move(value));
  return v;
}

Value Value::date(Date value) {
  Value v;
  v.data_.emplace<kDate>(value);
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  v.data_.emplace<kOwnedList>(std::move(items));
  return v;
}

Value Value::object(const Json& object) {
  Value v;
  v.data_.emplace<kObject>(&object);
  return v;
}

Type Value::type() const {
  switch (data_.index()) {
    case kBoolean: return Type::boolean;
    case kNumber: return Type::number;
    case kOwnedText:
    case kBorrowedText: return Type::string;
    case kDate: return Type::date;
    case kOwnedList:
    case kBorrowedList: return Type::list;
    case kObject: return Type::object;
    default: return Type::null;
  }
}

bool Value::as_boolean() const {
  const bool* value = std::get_if<kBoolean>(&data_);
  return value && *value;
}

Decimal Value::as_number() const {
  const Decimal* value = std::get_if<kNumber>(&data_);
  return value ? *value : Decimal();
}

const std::string& Value::as_string() const {
  static const std::string kEmpty;
  if (const std::string* owned = std::get_if<kOwnedText>(&data_)) return *owned;
  const std::string* const* borrowed = std::get_if<kBorrowedText>(&data_);
  return borrowed ? **borrowed : kEmpty;
}

Date Value::as_date() const {
  const Date* value = std::get_if<kDate>(&data_);
  return value ? *value : Date();
}

const std::vector<Value>& Value::as_list() const {
  static const std::vector<Value> kEmpty;
  if (const std::vector<Value>* owned = std::get_if<kOwnedList>(&data_)) return *owned;
  const std::vector<Value>* const* borrowed = std::get_if<kBorrowedList>(&data_);
  return borrowed ? **borrowed : kEmpty;
}

const Json& Value::as_object() const { return *std::get<kObject>(data_); }

Value Value::owned() const {
  if (data_.index() == kBorrowedText) return Value::string(as_string());
  if (data_.index() != kOwnedList && data_.index() != kBorrowedList) return *this;
  std::vector<Value> items;
  items.reserve(as_list().size());
  for (const Value& item : as_list()) items.push_back(item.owned());
  return Value::list(std::move(items));
}

Value Value::view() const {
  Value v;
  if (const std::string* text = std::get_if<kOwnedText>(&data_)) {
    v.data_.emplace<kBorrowedText>(text);
  } else if (const std::vector<Value>* items = std::get_if<kOwnedList>(&data_)) {
    v.data_.emplace<kBorrowedList>(items);
  } else {
    v.data_ = data_;
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
      text.data_.emplace<kBorrowedText>(&json.get_ref<const std::string&>());
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
