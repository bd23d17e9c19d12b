// Source → Program: a recursive-descent parser that resolves names and checks types as it
// builds each node (children first), stopping at the first error.
#include <algorithm>
#include <array>

#include "errors.hpp"
#include "lexer.hpp"
#include "program.hpp"

namespace civic::expr {

namespace detail {

namespace {

bool fits(Type actual, Type wanted) {
  return wanted == Type::any || actual == Type::any || actual == Type::null || actual == wanted;
}

bool orderable(Type a, Type b) {
  if (a == Type::any || b == Type::any || a == Type::null || b == Type::null) return true;
  const bool date_like =
      (a == Type::date || a == Type::string) && (b == Type::date || b == Type::string);
  return (a == b && (a == Type::number || a == Type::string || a == Type::date)) || date_like;
}

bool comparable(Type a, Type b) {
  return a == b || orderable(a, b) || a == Type::any || b == Type::any || a == Type::null ||
         b == Type::null;
}

constexpr std::uint32_t kNone = 0;

bool is_keyword(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kKeywords = {
      "and", "or", "not", "in", "true", "false", "null", "if", "count", "matches"};
  return std::find(kKeywords.begin(), kKeywords.end(), name) != kKeywords.end();
}

class Parser {
 public:
  Parser(std::string_view source, const CompileOptions& options, Program& program)
      : lexer_(source),
        options_(options),
        functions_(options.functions ? *options.functions : Registry::standard()),
        program_(program) {}

  std::optional<Error> run() {
    if (program_.source.size() > options_.limits.max_length) {
      return expr_error("expr.too_long", options_.limits.max_length,
                        "at most " + std::to_string(options_.limits.max_length) + " bytes");
    }
    advance();
    const std::uint32_t root = expression();
    if (!error_ && current_.token != Token::end) fail_expected("an operator or the end");
    if (!error_ && !fits(type_of(root), options_.expected)) {
      error_ = expr_error("expr.type_mismatch", 0, to_string(options_.expected),
                          to_string(type_of(root)));
    }
    return error_;
  }

 private:
  // ---- tokens
  void advance() {
    if (error_) return;
    auto next = lexer_.next();
    if (!next) {
      error_ = std::move(next).error();
      current_ = Lexeme{};
      return;
    }
    current_ = std::move(next).value();
    if (current_.token == Token::bad) fail_expected("an expression");
  }

  bool at_name(std::string_view name) const {
    return current_.token == Token::name && current_.text == name;
  }

  std::uint32_t fail_expected(std::string_view expected) {
    if (error_) return kNone;
    std::string found = describe(current_.token);
    if (current_.token == Token::name || current_.token == Token::bad) {
      const std::string_view text =
          current_.token == Token::name
              ? std::string_view(current_.text)
              : std::string_view(program_.source).substr(current_.begin, 1);
      found.assign(1, '"').append(text).append(1, '"');
    }
    error_ = expr_error("expr.unexpected_token", current_.begin, expected, found);
    return kNone;
  }

  std::uint32_t fail(std::string_view code, std::uint32_t at, std::string_view expected,
                     std::string_view found = {}) {
    if (!error_) error_ = expr_error(code, at, expected, found);
    return kNone;
  }

  bool expect(Token token) {
    if (current_.token != token) {
      fail_expected(describe(token));
      return false;
    }
    advance();
    return !error_;
  }

  // ---- nodes
  Type type_of(std::uint32_t index) const { return program_.nodes[index].type; }
  std::uint32_t begin_of(std::uint32_t index) const { return program_.nodes[index].begin; }

  std::uint32_t push(Node node, Binding binding = {}) {
    if (error_) return kNone;
    if (program_.nodes.size() >= options_.limits.max_nodes) {
      return fail("expr.too_complex", node.begin,
                  "at most " + std::to_string(options_.limits.max_nodes) + " parts");
    }
    program_.nodes.push_back(std::move(node));
    bindings_.push_back(binding);
    return static_cast<std::uint32_t>(program_.nodes.size() - 1);
  }

  Node make(Op op, Type type, std::uint32_t begin, std::vector<std::uint32_t> args = {}) {
    Node node;
    node.op = op;
    node.type = type;
    node.begin = begin;
    node.end = last_end_;
    node.args = std::move(args);
    return node;
  }

  bool check(std::uint32_t operand, Type wanted) {
    if (error_) return false;
    if (fits(type_of(operand), wanted)) return true;
    fail("expr.type_mismatch", begin_of(operand), to_string(wanted), to_string(type_of(operand)));
    return false;
  }

  // ---- grammar
  struct Depth {
    explicit Depth(Parser& parser) : parser_(parser) { ++parser_.depth_; }
    ~Depth() { --parser_.depth_; }
    Parser& parser_;
  };

  bool too_deep() {
    if (depth_ <= options_.limits.max_depth) return false;
    fail("expr.too_deep", current_.begin,
         "at most " + std::to_string(options_.limits.max_depth) + " levels");
    return true;
  }

  std::uint32_t expression() {
    Depth depth(*this);
    if (too_deep()) return kNone;
    return logical(true);
  }

  // or-chains (top) and and-chains.
  std::uint32_t logical(bool or_level) {
    std::uint32_t left = or_level ? logical(false) : negation();
    const char* word = or_level ? "or" : "and";
    while (!error_ && at_name(word)) {
      advance();
      const std::uint32_t right = or_level ? logical(false) : negation();
      if (!check(left, Type::boolean) || !check(right, Type::boolean)) return kNone;
      left = push(make(or_level ? Op::logical_or : Op::logical_and, Type::boolean, begin_of(left),
                       {left, right}));
    }
    return left;
  }

  std::uint32_t negation() {
    if (!at_name("not")) return comparison();
    Depth depth(*this);
    if (too_deep()) return kNone;
    const std::uint32_t begin = current_.begin;
    advance();
    const std::uint32_t operand = negation();
    if (!check(operand, Type::boolean)) return kNone;
    return push(make(Op::logical_not, Type::boolean, begin, {operand}));
  }

  std::optional<Op> comparison_op() const {
    switch (current_.token) {
      case Token::equal: return Op::equal;
      case Token::not_equal: return Op::not_equal;
      case Token::less: return Op::less;
      case Token::less_equal: return Op::less_equal;
      case Token::greater: return Op::greater;
      case Token::greater_equal: return Op::greater_equal;
      default: return at_name("in") ? std::optional<Op>(Op::in) : std::nullopt;
    }
  }

  std::uint32_t comparison() {
    const std::uint32_t left = sum();
    const auto op = comparison_op();
    if (error_ || !op) return left;
    advance();
    const std::uint32_t right = sum();
    if (error_) return kNone;
    const Type a = type_of(left), b = type_of(right);
    if (*op == Op::in) {
      if (!fits(b, Type::list) && !fits(b, Type::string)) {
        return fail("expr.type_mismatch", begin_of(right), "list", to_string(b));
      }
      if (b == Type::string && !check(left, Type::string)) return kNone;
    } else if (*op == Op::equal || *op == Op::not_equal) {
      if (!comparable(a, b)) {
        return fail("expr.type_mismatch", begin_of(right), to_string(a), to_string(b));
      }
    } else if (!orderable(a, b) || a == Type::boolean || a == Type::list || a == Type::object) {
      const bool left_bad = !orderable(a, a) || a == Type::boolean;
      return fail("expr.type_mismatch", begin_of(left_bad ? left : right),
                  left_bad ? "number, text or date" : to_string(a), to_string(left_bad ? a : b));
    }
    Node node = make(*op, Type::boolean, begin_of(left), {left, right});
    node.traced = true;
    return push(std::move(node));
  }

  std::uint32_t sum() {
    std::uint32_t left = product();
    while (!error_ && (current_.token == Token::plus || current_.token == Token::minus)) {
      const bool plus = current_.token == Token::plus;
      advance();
      const std::uint32_t right = product();
      if (error_) return kNone;
      Type type = Type::number;
      if (plus && (type_of(left) == Type::string || type_of(right) == Type::string)) {
        if (!check(left, Type::string) || !check(right, Type::string)) return kNone;
        type = Type::string;
      } else if (plus && (type_of(left) == Type::any || type_of(right) == Type::any)) {
        if (!check(left, Type::number) && !check(left, Type::string)) return kNone;
        type = Type::any;
      } else if (!check(left, Type::number) || !check(right, Type::number)) {
        return kNone;
      }
      left = push(make(plus ? Op::add : Op::subtract, type, begin_of(left), {left, right}));
    }
    return left;
  }

  std::uint32_t product() {
    std::uint32_t left = unary();
    while (!error_ && (current_.token == Token::star || current_.token == Token::slash ||
                       current_.token == Token::percent)) {
      const Op op = current_.token == Token::star    ? Op::multiply
                    : current_.token == Token::slash ? Op::divide
                                                     : Op::remainder;
      advance();
      const std::uint32_t right = unary();
      if (!check(left, Type::number) || !check(right, Type::number)) return kNone;
      left = push(make(op, Type::number, begin_of(left), {left, right}));
    }
    return left;
  }

  std::uint32_t unary() {
    if (current_.token != Token::minus) return primary();
    Depth depth(*this);
    if (too_deep()) return kNone;
    const std::uint32_t begin = current_.begin;
    advance();
    const std::uint32_t operand = unary();
    if (!check(operand, Type::number)) return kNone;
    return push(make(Op::negate, Type::number, begin, {operand}));
  }

  std::uint32_t literal(Value value) {
    const std::uint32_t begin = current_.begin;
    last_end_ = current_.end;
    const Type type = value.type();
    advance();
    Node node = make(Op::literal, type, begin);
    node.value = std::move(value);
    return push(std::move(node));
  }

  std::uint32_t primary() {
    switch (current_.token) {
      case Token::number:
      case Token::string:
      case Token::date: return literal(current_.value);
      case Token::left_paren: {
        advance();
        const std::uint32_t inner = expression();
        last_end_ = current_.end;
        if (!expect(Token::right_paren)) return kNone;
        return inner;
      }
      case Token::left_bracket: return list();
      case Token::name: break;
      default: return fail_expected("a value, a name or \"(\"");
    }
    if (at_name("true")) return literal(Value::boolean(true));
    if (at_name("false")) return literal(Value::boolean(false));
    if (at_name("null")) return literal(Value());
    const Lexeme name = current_;
    advance();
    if (current_.token == Token::left_paren) return call(name);
    if (name.text == "today") return call_function(name, {});
    if (is_keyword(name.text)) {
      current_ = name;
      return fail_expected("a value, a name or \"(\"");
    }
    return path(name);
  }

  // Comma-separated expressions up to `close`; the opening token is already consumed.
  std::vector<std::uint32_t> arguments(Token close) {
    std::vector<std::uint32_t> args;
    if (current_.token == close) {
      last_end_ = current_.end;
      advance();
      return args;
    }
    while (!error_) {
      args.push_back(expression());
      if (error_) break;
      if (current_.token == close) {
        last_end_ = current_.end;
        advance();
        break;
      }
      if (!expect(Token::comma)) break;
    }
    return args;
  }

  std::uint32_t list() {
    Depth depth(*this);
    if (too_deep()) return kNone;
    const std::uint32_t begin = current_.begin;
    advance();
    std::vector<std::uint32_t> items = arguments(Token::right_bracket);
    Node node = make(Op::list, Type::list, begin, std::move(items));
    node.value = constant_list(node.args);
    return push(std::move(node));
  }

  // A list of literals, built once: its items' values; otherwise null (built per evaluation).
  Value constant_list(const std::vector<std::uint32_t>& items) const {
    std::vector<Value> values;
    values.reserve(items.size());
    for (const std::uint32_t item : items) {
      if (item >= program_.nodes.size() || program_.nodes[item].op != Op::literal) return Value();
      values.push_back(program_.nodes[item].value);
    }
    return Value::list(std::move(values));
  }

  std::uint32_t call(const Lexeme& name) {
    Depth depth(*this);
    if (too_deep()) return kNone;
    advance();  // "("
    if (name.text == "count") return count(name);
    if (name.text == "matches") return matches(name);
    std::vector<std::uint32_t> args = arguments(Token::right_paren);
    if (error_) return kNone;
    if (name.text == "if") {
      if (args.size() != 3) {
        return fail("expr.arity", name.begin, "3 arguments", std::to_string(args.size()));
      }
      if (!check(args[0], Type::boolean)) return kNone;
      const Type a = type_of(args[1]), b = type_of(args[2]);
      const Type type = a == b ? a : a == Type::null ? b : b == Type::null ? a : Type::any;
      return push(make(Op::if_then, type, name.begin, std::move(args)));
    }
    return call_function(name, std::move(args));
  }

  std::uint32_t call_function(const Lexeme& name, std::vector<std::uint32_t> args) {
    const Function* function = functions_.find(name.text);
    if (!function) return fail("expr.unknown_function", name.begin, "a known function", name.text);
    if (args.size() != function->params.size()) {
      return fail("expr.arity", name.begin, std::to_string(function->params.size()) + " arguments",
                  std::to_string(args.size()));
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
      const Type wanted = function->params[i];
      const bool coercible = wanted == Type::date && type_of(args[i]) == Type::string;
      if (!coercible && !check(args[i], wanted)) return kNone;
    }
    if (name.end > last_end_) last_end_ = name.end;
    Node node = make(Op::call, function->result, name.begin, std::move(args));
    node.function = function;
    node.traced = true;
    return push(std::move(node));
  }

  std::uint32_t count(const Lexeme& name) {
    const std::uint32_t list_node = expression();
    if (!check(list_node, Type::list) || !expect(Token::comma)) return kNone;
    const Binding list_binding = bindings_[list_node];
    items_.push_back(options_.schema && list_binding.node >= 0
                         ? options_.schema->element(list_binding)
                         : Binding{});
    const std::uint32_t predicate = expression();
    items_.pop_back();
    if (!check(predicate, Type::boolean)) return kNone;
    last_end_ = current_.end;
    if (!expect(Token::right_paren)) return kNone;
    Node node = make(Op::count, Type::number, name.begin, {list_node, predicate});
    node.traced = true;
    return push(std::move(node));
  }

  std::uint32_t matches(const Lexeme& name) {
    const std::uint32_t text = expression();
    if (!check(text, Type::string) || !expect(Token::comma)) return kNone;
    if (current_.token != Token::string) return fail_expected("a pattern in quotes");
    const Lexeme pattern = current_;
    auto compiled = regex::Regex::compile(pattern.value.as_string());
    if (!compiled) {
      const Error& error = compiled.error();
      const std::size_t offset = error.params.value("position", std::size_t{0});
      return fail("expr.bad_regex", pattern.begin + 1 + static_cast<std::uint32_t>(offset),
                  error.params.value("expected", std::string()));
    }
    advance();
    last_end_ = current_.end;
    if (!expect(Token::right_paren)) return kNone;
    Node node = make(Op::matches, Type::boolean, name.begin, {text});
    node.regex = std::make_shared<const regex::Regex>(std::move(compiled).value());
    node.traced = true;
    return push(std::move(node));
  }

  // ---- paths
  std::optional<Binding> resolve_root(const Lexeme& name, Root& root) {
    if (name.text == "self") {
      root = Root::self;
      return options_.self;
    }
    if (name.text == "item") {
      root = Root::item;
      if (!items_.empty()) return items_.back();
      return options_.item;
    }
    root = Root::name;
    if (!options_.schema) return Binding{};
    return options_.schema->root(name.text);
  }

  std::uint32_t path(const Lexeme& name) {
    Node node = make(Op::path, Type::any, name.begin);
    node.name = name.text;
    node.end = name.end;
    auto binding = resolve_root(name, node.root);
    if (!binding) return fail("expr.unknown_name", name.begin, "a known name", name.text);
    node.slot = node.root == Root::name ? binding->slot : -1;
    while (!error_ && (current_.token == Token::dot || current_.token == Token::left_bracket)) {
      if (current_.token == Token::dot) {
        advance();
        if (current_.token != Token::name) return fail_expected("a name");
        binding = member(*binding, current_);
        if (!binding) return kNone;
        node.steps.push_back({current_.text, -1});
      } else {
        advance();
        const Lexeme index = current_;
        if (index.token != Token::number || !index.value.as_number().is_integer()) {
          return fail_expected("a whole number");
        }
        if (!fits(binding->type, Type::list)) {
          return fail("expr.type_mismatch", name.begin, "list", to_string(binding->type));
        }
        advance();
        if (current_.token != Token::right_bracket) return fail_expected("\"]\"");
        node.steps.push_back({"", index.value.as_number().micros() / Decimal::kScale});
        binding =
            options_.schema && binding->node >= 0 ? options_.schema->element(*binding) : Binding{};
      }
      node.end = current_.end;
      advance();
    }
    if (error_) return kNone;
    node.type = binding->type;
    node.traced = true;
    last_end_ = node.end;
    return push(std::move(node), *binding);
  }

  std::optional<Binding> member(const Binding& parent, const Lexeme& name) {
    if (!fits(parent.type, Type::object)) {
      fail("expr.type_mismatch", name.begin, "object", to_string(parent.type));
      return std::nullopt;
    }
    if (!options_.schema || parent.node < 0) return Binding{};
    auto binding = options_.schema->member(parent, name.text);
    if (!binding) fail("expr.unknown_name", name.begin, "a known name", name.text);
    return binding;
  }

  Lexer lexer_;
  const CompileOptions& options_;
  const Registry& functions_;
  Program& program_;
  Lexeme current_;
  std::uint32_t last_end_ = 0;
  int depth_ = 0;
  std::vector<Binding> bindings_;
  std::vector<std::optional<Binding>> items_;
  std::optional<Error> error_;
};

}  // namespace

}  // namespace detail

Expression::Expression(std::shared_ptr<const detail::Program> program)
    : program_(std::move(program)) {}

Result<Expression> Expression::compile(std::string_view source, const CompileOptions& options) {
  auto program = std::make_shared<detail::Program>();
  program->source = std::string(source.substr(0, options.limits.max_length + 1));
  program->max_steps = options.limits.max_steps;
  if (auto error = detail::Parser(program->source, options, *program).run()) {
    return *std::move(error);
  }
  return Expression(std::move(program));
}

Type Expression::type() const { return program_->nodes.back().type; }

const std::string& Expression::source() const { return program_->source; }

bool Expression::is_constant() const {
  return std::none_of(program_->nodes.begin(), program_->nodes.end(), [](const detail::Node& node) {
    return node.op == detail::Op::path || node.op == detail::Op::call;
  });
}

std::vector<int> Expression::slots() const {
  std::vector<int> read;
  for (const detail::Node& node : program_->nodes) {
    if (node.op == detail::Op::path && node.root == detail::Root::name && node.slot >= 0 &&
        std::find(read.begin(), read.end(), node.slot) == read.end()) {
      read.push_back(node.slot);
    }
  }
  return read;
}

}  // namespace civic::expr
