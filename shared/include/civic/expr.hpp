// civic/expr.hpp — the rules' expression language (specified in docs/expressions.md).
//
// A small, total, side-effect-free language used by forms (visible_if, required_if, rules,
// computed values, min/max) and eligibility policies:
//
//   age(applicant.egn, today) >= 18 and (kind in ["owner", "tenant"] or consent)
//   count(children, age(item.egn, today) < 18) > 0
//   matches(phone, "0[0-9]{9}")
//
// Compile once (Expression::compile: parse, resolve names, type-check), evaluate many times
// (Expression::evaluate). Compilation and evaluation never throw and never abort: a bad
// expression is an Error with a position, an over-long evaluation stops at a step limit.
// A compiled Expression is immutable and may be evaluated concurrently.
//
// Values: null (unknown / not answered), boolean, number, string, date, list, object.
// Numbers are exact decimals with 6 fractional digits held in an int64 (no binary floating
// point), so every platform computes and prints the same digits.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "civic/date.hpp"
#include "civic/result.hpp"

namespace civic::expr {

using Json = nlohmann::ordered_json;

// An exact decimal number: an integer count of millionths. Range ±9,223,372,036,854.775807.
class Decimal {
 public:
  static constexpr std::int64_t kScale = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_micros(std::int64_t micros) { return Decimal(micros); }
  // nullopt when out of range.
  static std::optional<Decimal> from_integer(std::int64_t value);
  // Rounds to the nearest millionth, ties away from zero; nullopt when out of range or not finite.
  static std::optional<Decimal> from_double(double value);
  // Parses "-12", "3.25", "0.000001" (at most 6 fractional digits, no exponent); nullopt otherwise.
  static std::optional<Decimal> parse(std::string_view text);

  constexpr std::int64_t micros() const { return micros_; }
  constexpr bool is_integer() const { return micros_ % kScale == 0; }
  // Shortest decimal text: "12", "-3.25".
  std::string to_string() const;
  // A JSON integer when whole, otherwise the nearest double (printed shortest: 3.25).
  Json to_json() const;

  friend constexpr auto operator<=>(Decimal, Decimal) = default;

 private:
  constexpr explicit Decimal(std::int64_t micros) : micros_(micros) {}
  std::int64_t micros_ = 0;
};

// Static and dynamic types. `any` only appears at compile time (type not known yet).
enum class Type : std::uint8_t { any, null, boolean, number, string, date, list, object };
const char* to_string(Type type);  // "any", "null", "boolean", ...

// A runtime value. Objects and texts read from JSON (from_json, object) are borrowed: such a
// Value points into the JSON it was read from and must not outlive it (owned() copies the
// texts). Texts made by Value::string and lists made by Value::list are owned.
class Value {
 public:
  Value() noexcept : plain_{} {}  // null
  Value(const Value& other);
  Value(Value&& other) noexcept { take(std::move(other)); }
  Value& operator=(const Value& other);
  Value& operator=(Value&& other) noexcept {
    if (this != &other) {
      Value moved(std::move(other));  // `other` may live inside this value (a list's item)
      release();
      take(std::move(moved));
    }
    return *this;
  }
  ~Value() { release(); }

  static Value boolean(bool value);
  static Value number(Decimal value);
  static Value string(std::string value);
  static Value date(Date value);
  static Value list(std::vector<Value> items);
  static Value object(const Json& object);  // borrows `object` (a JSON object)

  // Reads a JSON answer. With an expected type, a value that does not fit it becomes null
  // (a date field holding "2024-02-30" reads as null); an ISO string reads as a date only
  // when a date is expected. Without one (Type::any) the JSON type decides. Texts and objects
  // are borrowed from `json`.
  static Value from_json(const Json& json, Type expected = Type::any);

  // The same value holding its own texts and items (objects stay borrowed).
  Value owned() const;
  // The same value borrowing this one's text or list: valid while this one lives, unchanged.
  Value view() const;

  Type type() const;
  bool is_null() const { return holds_ == Holds::null; }
  // Preconditions: the matching type().
  bool as_boolean() const;
  Decimal as_number() const;
  const std::string& as_string() const;
  Date as_date() const;
  const std::vector<Value>& as_list() const;
  const Json& as_object() const;

  // Dates as "YYYY-MM-DD", numbers per Decimal::to_json, objects copied.
  Json to_json() const;

  // Same type and same value (lists element-wise, objects by JSON equality).
  friend bool operator==(const Value& a, const Value& b);

 private:
  static Value untyped_from_json(const Json& json);

  // What the value holds: one member per type, a text or a list owned or borrowed (a pointer).
  // A tagged union rather than std::variant: no out-of-line visits on every move.
  // The kinds that own memory come last.
  enum class Holds : std::uint8_t {
    null,
    boolean,
    number,
    borrowed_text,
    date,
    borrowed_list,
    object,
    owned_text,
    owned_list
  };
  bool owns() const { return holds_ >= Holds::owned_text; }
  // Moves `other`'s member in (this one holds none). A member that owns nothing is copied
  // whole, whichever it is.
  void take(Value&& other) noexcept {
    if (other.owns()) return take_owned(std::move(other));
    plain_ = other.plain_;
    holds_ = other.holds_;
  }
  // Ends the member held; null after.
  void release() noexcept {
    if (owns()) release_owned();
    holds_ = Holds::null;
  }
  // Out of line: the compiler need not follow the owned members through every inlined move.
  [[gnu::noinline]] void take_owned(Value&& other) noexcept;
  [[gnu::noinline]] void release_owned() noexcept;

  // The members that own nothing: trivially copied.
  union Plain {
    std::array<std::uint64_t, 2> all;  // as large as the others: a null Value sets every byte
    bool boolean;
    Decimal number;
    const std::string* borrowed_text;
    Date date;
    const std::vector<Value>* borrowed_list;
    const Json* object;
  };

  static_assert(sizeof(Plain) == sizeof(Plain::all), "Plain::all spans every plain member");

  Holds holds_ = Holds::null;
  union {
    Plain plain_;
    std::string owned_text_;
    std::vector<Value> owned_list_;
  };
};

// ---- Names -------------------------------------------------------------------------------
// What a path such as `applicant.egn` or `children[0].egn` refers to, as told by a Schema.
//   type  the value's type (Type::any when unknown)
//   slot  >= 0: the value of a top-level name is Env::slots[slot] (fast lookup); -1: by name
//   node  the schema's own handle for member()/element() (a field index, for instance)
struct Binding {
  Type type = Type::any;
  int slot = -1;
  int node = -1;
};

// Lets compile() resolve and type names against a form (or any other structure).
// Without a schema every name is accepted with Type::any and looked up by name at runtime.
class Schema {
 public:
  virtual ~Schema() = default;
  // A top-level name; nullopt when the name does not exist (error expr.unknown_name).
  virtual std::optional<Binding> root(std::string_view name) const = 0;
  // A member of an object binding; nullopt when it does not exist.
  virtual std::optional<Binding> member(const Binding& parent, std::string_view name) const = 0;
  // The binding of one item of a list binding (Type::any item when unknown).
  virtual Binding element(const Binding& list) const = 0;
};

// Where evaluation reads names and the date. Everything is borrowed.
//   answers    top-level names are looked up here (a JSON object), then in `constants`
//   slots      values of slotted top-level names (Binding::slot); nullptr = not answered
//   self       the value of `self` (a field's own answer in its rules)
//   item       the value of `item` (the current repeat item; count() sets its own)
struct Env {
  const Json* answers = nullptr;
  const Json* constants = nullptr;
  std::span<const Json* const> slots;
  const Json* self = nullptr;
  const Json* item = nullptr;
  Date today;
};

// ---- Functions ---------------------------------------------------------------------------
// A function callable from expressions. Arguments arrive already evaluated and, where a
// parameter type is given, already checked (a null argument is passed through; most
// functions return null for it). Functions must be total: return null rather than fail.
struct Function {
  std::string name;
  std::vector<Type> params;  // Type::any accepts anything
  Type result = Type::any;
  std::function<Value(std::span<const Value> args, const Env& env)> call;
};

// The functions an expression may call. Registry::standard() holds the built-ins (age,
// birth_date, today, len, is_egn, is_lnch); modules copy it and add their own:
//   expr::Registry functions = expr::Registry::standard();
//   functions.add({"district_of", {expr::Type::object}, expr::Type::string, ...});
// `if`, `count` and `matches` are part of the language, not the registry.
// A registry must outlive the expressions compiled against it.
class Registry {
 public:
  static const Registry& standard();
  // Replaces a function of the same name.
  void add(Function function);
  const Function* find(std::string_view name) const;

 private:
  std::vector<std::shared_ptr<const Function>> functions_;  // shared by copies
};

// ---- Compilation and evaluation ----------------------------------------------------------
struct Limits {
  std::size_t max_length = 4096;      // bytes of source          (expr.too_long)
  int max_depth = 48;                 // nesting of sub-expressions (expr.too_deep)
  std::size_t max_nodes = 512;        // sub-expressions            (expr.too_complex)
  std::uint32_t max_steps = 100'000;  // evaluation work units  (expr.too_many_steps)
};

struct CompileOptions {
  const Registry* functions = nullptr;  // nullptr: Registry::standard()
  const Schema* schema = nullptr;       // nullptr: names untyped, looked up at runtime
  std::optional<Binding> self;          // binding of `self`; nullopt: `self` is unknown
  std::optional<Binding> item;          // binding of `item`; nullopt: only inside count()
  Type expected = Type::any;            // required result type (expr.type_mismatch)
  Limits limits;
};

// One step of a trace: the source span [begin, end) of a sub-expression and its value.
struct TraceStep {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  Value value;
};

// What an evaluation looked at: every name, call and comparison, innermost first.
struct Trace {
  std::vector<TraceStep> steps;
  // [{"expr": "age(applicant.egn, today)", "value": 17}, ...] quoting `source`.
  Json to_json(std::string_view source) const;
};

namespace detail {
struct Program;
}

class Expression {
 public:
  // Errors carry params {"position": byte offset} and, where relevant, "expected" and
  // "found". Codes: expr.too_long, expr.too_deep, expr.too_complex, expr.unexpected_token,
  // expr.unterminated_string, expr.bad_number, expr.bad_date, expr.unknown_name,
  // expr.unknown_function, expr.arity, expr.type_mismatch, expr.bad_regex.
  static Result<Expression> compile(std::string_view source, const CompileOptions& options = {});

  // Evaluates against `env`; appends to `trace` when given. The value (and every traced one)
  // holds its own texts; an object in it still points into the answers. Errors:
  // expr.too_many_steps, expr.overflow, expr.division_by_zero, expr.type_mismatch (types only known
  // at runtime).
  Result<Value> evaluate(const Env& env, Trace* trace = nullptr) const;

  Type type() const;  // static result type (Type::any when unknown)
  const std::string& source() const;
  // True when the expression reads no name and calls no function (not even `today`): every
  // evaluation, in any Env, gives the same result, so it may be evaluated once.
  bool is_constant() const;
  // The slots (Binding::slot) of the names it reads, each once: what a caller that
  // fills Env::slots must change for the result to change (with `self`, `item` and `today`).
  std::vector<int> slots() const;

 private:
  explicit Expression(std::shared_ptr<const detail::Program> program);
  std::shared_ptr<const detail::Program> program_;
};

// Three-valued truth of a condition's value: only `true` is true, only `false` is false;
// null (unknown) and everything else is neither.
inline bool is_true(const Value& value) {
  return value.type() == Type::boolean && value.as_boolean();
}
inline bool is_false(const Value& value) {
  return value.type() == Type::boolean && !value.as_boolean();
}

}  // namespace civic::expr
