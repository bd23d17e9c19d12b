// Program → Value: a tree walk over the flat node array with a step budget.
#include <array>
#include <optional>
#include <span>

#include "../text/utf8.hpp"
#include "decimal_ops.hpp"
#include "errors.hpp"
#include "program.hpp"

namespace civic::expr {

namespace detail {

namespace {

constexpr std::size_t kMaxTraceSteps = 200;

// Orders two values of an orderable pair (a string meets a date by parsing as one).
std::optional<int> order(const Value& a, const Value& b) {
  const Type ta = a.type(), tb = b.type();
  if (ta == Type::number && tb == Type::number) {
    return a.as_number() < b.as_number() ? -1 : a.as_number() == b.as_number() ? 0 : 1;
  }
  if (ta == Type::string && tb == Type::string) {
    const int c = a.as_string().compare(b.as_string());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if ((ta == Type::date || ta == Type::string) && (tb == Type::date || tb == Type::string)) {
    const Value da = ta == Type::date ? a : Value::from_json(Json(a.as_string()), Type::date);
    const Value db = tb == Type::date ? b : Value::from_json(Json(b.as_string()), Type::date);
    if (da.is_null() || db.is_null()) return std::nullopt;
    return da.as_date() < db.as_date() ? -1 : da.as_date() == db.as_date() ? 0 : 1;
  }
  return std::nullopt;
}

bool equal(const Value& a, const Value& b) {
  if (a.type() != b.type() && (a.type() == Type::date || b.type() == Type::date)) {
    const auto c = order(a, b);
    return c && *c == 0;
  }
  return a == b;
}

class Evaluator {
 public:
  Evaluator(const Program& program, const Env& env, Trace* trace)
      : program_(program), env_(env), trace_(trace), budget_(program.max_steps) {
    if (env.item) item_ = Value::from_json(*env.item);
  }

  Result<Value> run() {
    Value out;
    if (!eval(static_cast<std::uint32_t>(program_.nodes.size() - 1), out)) {
      return *std::move(error_);
    }
    return out.owned();  // texts read during the evaluation point into the answers
  }

 private:
  bool fail(std::string_view code, const Node& node, std::string_view expected = {},
            std::string_view found = {}) {
    error_ = expr_error(code, node.begin, expected, found);
    return false;
  }

  bool mismatch(const Node& node, Type expected, const Value& found) {
    return fail("expr.type_mismatch", node, to_string(expected), to_string(found.type()));
  }

  bool eval(std::uint32_t index, Value& out) {
    const Node& node = program_.nodes[index];
    if (budget_ == 0) return fail("expr.too_many_steps", node);
    --budget_;
    if (!dispatch(node, out)) return false;
    if (trace_ && node.traced && trace_->steps.size() < kMaxTraceSteps) {
      trace_->steps.push_back({node.begin, node.end, out.owned()});
    }
    return true;
  }

  bool dispatch(const Node& node, Value& out) {
    switch (node.op) {
      case Op::literal: out = node.value.view(); return true;
      case Op::list: return list(node, out);
      case Op::path: out = path(node); return true;
      case Op::call: return call(node, out);
      case Op::if_then: return if_then(node, out);
      case Op::count: return count(node, out);
      case Op::matches: return matches(node, out);
      case Op::logical_not: return logical_not(node, out);
      case Op::negate: return negate(node, out);
      case Op::logical_and:
      case Op::logical_or: return logical(node, out);
      default: return binary(node, out);
    }
  }

  bool list(const Node& node, Value& out) {
    if (!node.value.is_null()) {                    // a list of literals, built at compile time
      for (const std::uint32_t item : node.args) {  // charged as if evaluated one by one
        if (budget_ == 0) return fail("expr.too_many_steps", program_.nodes[item]);
        --budget_;
      }
      out = node.value.view();
      return true;
    }
    std::vector<Value> items(node.args.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!eval(node.args[i], items[i])) return false;
    }
    out = Value::list(std::move(items));
    return true;
  }

  const Json* root(const Node& node) const {
    if (node.root == Root::self) return env_.self;
    if (node.slot >= 0) {
      return static_cast<std::size_t>(node.slot) < env_.slots.size() ? env_.slots[node.slot]
                                                                     : nullptr;
    }
    for (const Json* scope : {env_.answers, env_.constants}) {
      if (!scope || !scope->is_object()) continue;
      const auto found = scope->find(node.name);
      if (found != scope->end()) return &*found;
    }
    return nullptr;
  }

  Value path(const Node& node) const {
    const Json* json = nullptr;
    if (node.root == Root::item) {
      if (item_.type() != Type::object) return node.steps.empty() ? item_ : Value();
      json = &item_.as_object();
    } else {
      json = root(node);
    }
    for (const PathStep& step : node.steps) {
      if (!json) break;
      if (step.index < 0) {
        const auto found = json->is_object() ? json->find(step.name) : json->end();
        json = json->is_object() && found != json->end() ? &*found : nullptr;
      } else {
        const auto at = static_cast<std::size_t>(step.index);
        json = json->is_array() && at < json->size() ? &(*json)[at] : nullptr;
      }
    }
    return json ? Value::from_json(*json, node.type) : Value();
  }

  bool call(const Node& node, Value& out) {
    std::array<Value, 4> local;  // most functions take few arguments
    std::vector<Value> heap(node.args.size() > local.size() ? node.args.size() : 0);
    const std::span<Value> args =
        heap.empty() ? std::span<Value>(local).first(node.args.size()) : std::span<Value>(heap);
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (!eval(node.args[i], args[i])) return false;
      const Type wanted = node.function->params[i];
      if (wanted == Type::any || args[i].type() == wanted) continue;
      args[i] = wanted == Type::date && args[i].type() == Type::string
                    ? Value::from_json(Json(args[i].as_string()), Type::date)
                    : Value();
    }
    out = node.function->call(args, env_);
    return true;
  }

  bool condition(std::uint32_t index, Value& out) {
    if (!eval(index, out)) return false;
    if (out.is_null() || out.type() == Type::boolean) return true;
    return mismatch(program_.nodes[index], Type::boolean, out);
  }

  bool if_then(const Node& node, Value& out) {
    Value test;
    if (!condition(node.args[0], test)) return false;
    return eval(node.args[is_true(test) ? 1 : 2], out);
  }

  bool count(const Node& node, Value& out) {
    Value items;
    if (!eval(node.args[0], items)) return false;
    if (items.is_null()) {
      out = Value::number(Decimal());
      return true;
    }
    if (items.type() != Type::list) return mismatch(node, Type::list, items);
    Value saved = std::move(item_);
    std::int64_t hits = 0;
    bool ok = true;
    for (const Value& item : items.as_list()) {
      item_ = item;
      Value test;
      if (!(ok = condition(node.args[1], test))) break;
      if (is_true(test)) ++hits;
    }
    item_ = std::move(saved);
    if (ok) out = Value::number(Decimal::from_micros(hits * Decimal::kScale));
    return ok;
  }

  bool matches(const Node& node, Value& out) {
    Value text;
    if (!eval(node.args[0], text)) return false;
    if (text.is_null()) {
      out = Value();
      return true;
    }
    if (text.type() != Type::string) return mismatch(node, Type::string, text);
    const auto matched = node.regex->matches(text.as_string(), budget_);
    if (!matched) return fail("expr.too_many_steps", node);
    out = Value::boolean(*matched);
    return true;
  }

  bool negate(const Node& node, Value& out) {
    Value operand;
    if (!eval(node.args[0], operand)) return false;
    if (operand.is_null()) {
      out = Value();
      return true;
    }
    if (operand.type() != Type::number) return mismatch(node, Type::number, operand);
    const auto result = decimal::subtract(Decimal(), operand.as_number());
    if (!result) return fail("expr.overflow", node);
    out = Value::number(*result);
    return true;
  }

  bool logical_not(const Node& node, Value& out) {
    if (!condition(node.args[0], out)) return false;
    if (!out.is_null()) out = Value::boolean(!out.as_boolean());
    return true;
  }

  // Kleene logic: false and x = false, true or x = true, otherwise unknown wins over the rest.
  bool logical(const Node& node, Value& out) {
    const bool is_and = node.op == Op::logical_and;
    const auto decisive = [is_and](const Value& v) { return is_and ? is_false(v) : is_true(v); };
    Value left, right;
    if (!condition(node.args[0], left)) return false;
    if (decisive(left)) {
      out = std::move(left);
      return true;
    }
    if (!condition(node.args[1], right)) return false;
    if (decisive(right) || (!left.is_null() && !right.is_null())) {
      out = std::move(right);
    } else {
      out = Value();
    }
    return true;
  }

  bool binary(const Node& node, Value& out) {
    Value a, b;
    if (!eval(node.args[0], a) || !eval(node.args[1], b)) return false;
    switch (node.op) {
      case Op::equal: out = Value::boolean(equal(a, b)); return true;
      case Op::not_equal: out = Value::boolean(!equal(a, b)); return true;
      case Op::in: return in(node, a, b, out);
      default: break;
    }
    if (a.is_null() || b.is_null()) {
      out = Value();
      return true;
    }
    switch (node.op) {
      case Op::less:
      case Op::less_equal:
      case Op::greater:
      case Op::greater_equal: return compare(node, a, b, out);
      default: return arithmetic(node, a, b, out);
    }
  }

  bool in(const Node& node, const Value& needle, const Value& haystack, Value& out) {
    if (needle.is_null() || haystack.is_null()) {
      out = Value();
      return true;
    }
    if (haystack.type() == Type::string && needle.type() == Type::string) {
      out = Value::boolean(haystack.as_string().find(needle.as_string()) != std::string::npos);
      return true;
    }
    if (haystack.type() != Type::list) return mismatch(node, Type::list, haystack);
    bool found = false;
    for (const Value& item : haystack.as_list()) found = found || equal(needle, item);
    out = Value::boolean(found);
    return true;
  }

  bool compare(const Node& node, const Value& a, const Value& b, Value& out) {
    const auto c = order(a, b);
    if (!c) {
      const bool date_vs_text = a.type() == Type::date || b.type() == Type::date;
      if (date_vs_text) {  // a text that is not a date: unknown
        out = Value();
        return true;
      }
      return fail("expr.type_mismatch", node, to_string(a.type()), to_string(b.type()));
    }
    switch (node.op) {
      case Op::less: out = Value::boolean(*c < 0); break;
      case Op::less_equal: out = Value::boolean(*c <= 0); break;
      case Op::greater: out = Value::boolean(*c > 0); break;
      default: out = Value::boolean(*c >= 0); break;
    }
    return true;
  }

  bool arithmetic(const Node& node, const Value& a, const Value& b, Value& out) {
    if (node.op == Op::add && a.type() == Type::string && b.type() == Type::string) {
      out = Value::string(a.as_string() + b.as_string());
      return true;
    }
    if (a.type() != Type::number) return mismatch(node, Type::number, a);
    if (b.type() != Type::number) return mismatch(node, Type::number, b);
    const Decimal x = a.as_number(), y = b.as_number();
    if ((node.op == Op::divide || node.op == Op::remainder) && y == Decimal()) {
      return fail("expr.division_by_zero", node);
    }
    std::optional<Decimal> result;
    switch (node.op) {
      case Op::add: result = decimal::add(x, y); break;
      case Op::subtract: result = decimal::subtract(x, y); break;
      case Op::multiply: result = decimal::multiply(x, y); break;
      case Op::divide: result = decimal::divide(x, y); break;
      default: result = decimal::remainder(x, y); break;
    }
    if (!result) return fail("expr.overflow", node);
    out = Value::number(*result);
    return true;
  }

  const Program& program_;
  const Env& env_;
  Trace* trace_;
  std::uint32_t budget_;
  Value item_;
  std::optional<Error> error_;
};

}  // namespace

}  // namespace detail

Result<Value> Expression::evaluate(const Env& env, Trace* trace) const {
  return detail::Evaluator(*program_, env, trace).run();
}

}  // namespace civic::expr
