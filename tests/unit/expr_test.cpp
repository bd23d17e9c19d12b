#include "civic/expr.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "fixtures.hpp"

namespace civic::expr {
namespace {

using test::kToday;

Value eval(const std::string& source, const Json& answers = Json::object()) {
  auto compiled = Expression::compile(source);
  EXPECT_TRUE(compiled.ok()) << source << ": " << (compiled ? "" : compiled.error().message.en);
  if (!compiled) return Value();
  Env env;
  env.answers = &answers;
  env.today = kToday;
  auto value = compiled->evaluate(env);
  EXPECT_TRUE(value.ok()) << source;
  return value ? *value : Value();
}

Error compile_error(const std::string& source, const CompileOptions& options = {}) {
  auto compiled = Expression::compile(source, options);
  EXPECT_FALSE(compiled.ok()) << source;
  return compiled ? Error{} : compiled.error();
}

TEST(Decimal, ParsesAndPrintsExactly) {
  EXPECT_EQ(Decimal::parse("-12.5")->to_string(), "-12.5");
  EXPECT_EQ(Decimal::parse("0.000001")->micros(), 1);
  EXPECT_FALSE(Decimal::parse("1.0000001"));
  EXPECT_FALSE(Decimal::parse("1e5"));
  EXPECT_FALSE(Decimal::parse("99999999999999"));
  EXPECT_EQ(Decimal::from_double(0.1)->micros(), 100000);
  EXPECT_EQ(Decimal::parse("3.25")->to_json().dump(), "3.25");
  EXPECT_EQ(Decimal::parse("7")->to_json().dump(), "7");
}

TEST(Expr, Arithmetic) {
  EXPECT_EQ(eval("1 + 2 * 3").as_number().to_string(), "7");
  EXPECT_EQ(eval("(1 + 2) * 3").as_number().to_string(), "9");
  EXPECT_EQ(eval("2 / 3").as_number().to_string(), "0.666667");
  EXPECT_EQ(eval("-2 / 3").as_number().to_string(), "-0.666667");
  EXPECT_EQ(eval("0.1 * 0.1").as_number().to_string(), "0.01");
  EXPECT_EQ(eval("7 % -3").as_number().to_string(), "1");
  EXPECT_TRUE(is_true(eval("0.1 + 0.2 == 0.3")));
}

TEST(Expr, LogicIsThreeValued) {
  EXPECT_TRUE(eval("x and true").is_null());
  EXPECT_TRUE(is_false(eval("x and false")));
  EXPECT_TRUE(is_true(eval("x or true")));
  EXPECT_TRUE(eval("not x").is_null());
  EXPECT_TRUE(is_true(eval("x == null")));
  EXPECT_TRUE(eval("x > 1").is_null());
  EXPECT_TRUE(eval("x + 1").is_null());
}

TEST(Expr, PathsAndLists) {
  const Json answers = Json::parse(R"({"a":{"b":[{"c":5}]},"tags":["x","y"]})");
  EXPECT_EQ(eval("a.b[0].c", answers).as_number().to_string(), "5");
  EXPECT_TRUE(eval("a.b[3].c", answers).is_null());
  EXPECT_TRUE(eval("a.zzz.c", answers).is_null());
  EXPECT_TRUE(is_true(eval("\"y\" in tags", answers)));
  EXPECT_EQ(eval("count(tags, item != \"x\")", answers).as_number().to_string(), "1");
  EXPECT_EQ(eval("len(tags)", answers).as_number().to_string(), "2");
}

TEST(Expr, DatesAndIdentity) {
  EXPECT_EQ(eval("age(\"6101057509\", today)").as_number().to_string(), "65");
  EXPECT_EQ(eval("age(@2008-02-29, @2026-02-28)").as_number().to_string(), "18");
  EXPECT_TRUE(eval("age(\"garbage\", today)").is_null());
  EXPECT_EQ(to_iso(eval("birth_date(\"0550290476\")").as_date()), "2005-10-29");
  EXPECT_TRUE(is_true(eval("\"2026-01-01\" < today")));
  EXPECT_TRUE(eval("\"not a date\" < today").is_null());
  EXPECT_TRUE(is_true(eval("is_egn(\"6101057509\") and not is_lnch(\"1000000002\")")));
}

TEST(Expr, Regex) {
  EXPECT_TRUE(is_true(eval(R"(matches("0888123456", "^0[0-9]{9}$"))")));
  EXPECT_TRUE(is_false(eval(R"(matches("0888", "0[0-9]{9}"))")));
  EXPECT_TRUE(is_true(eval(R"(matches("Пловдив", "[А-Я][а-я]+"))")));
  EXPECT_TRUE(is_true(eval(R"(matches("ab-12", "\\w+-\\d{2,3}"))")));
  EXPECT_TRUE(is_true(eval(R"(matches("", "(a|b)*"))")));
  EXPECT_TRUE(is_false(eval(R"(matches("x", "[^x]"))")));
  EXPECT_TRUE(is_true(eval(R"(matches("a.b", "a\\.b"))")));
  // Catastrophic for backtracking engines; linear here.
  const std::string text(200, 'a');
  EXPECT_TRUE(is_false(eval("matches(\"" + text + "b\", \"(a*)*c\")")));
  EXPECT_EQ(compile_error(R"(matches("a", "a{5,2}"))").code, "expr.bad_regex");
  EXPECT_EQ(compile_error(R"(matches("a", "*a"))").code, "expr.bad_regex");
  EXPECT_EQ(compile_error(R"(matches("a", "(a{100}){100}"))").code, "expr.bad_regex");
  EXPECT_EQ(compile_error(R"(matches("a", name))").code, "expr.unexpected_token");
}

TEST(Expr, ErrorsHavePositions) {
  const Error error = compile_error("a and (b or )");
  EXPECT_EQ(error.code, "expr.unexpected_token");
  EXPECT_EQ(error.params["position"], 12);
  EXPECT_EQ(compile_error("1 < \"a\"").code, "expr.type_mismatch");
  EXPECT_EQ(compile_error("if(true, 1)").code, "expr.arity");
  EXPECT_EQ(compile_error("and").code, "expr.unexpected_token");
  EXPECT_EQ(compile_error("x ~ 1").code, "expr.unexpected_token");
  EXPECT_EQ(compile_error("item.x").code, "expr.unknown_name");
  CompileOptions wants_boolean;
  wants_boolean.expected = Type::boolean;
  EXPECT_EQ(compile_error("1 + 1", wants_boolean).code, "expr.type_mismatch");
}

TEST(Expr, LimitsStopWork) {
  CompileOptions options;
  options.limits.max_steps = 50;
  auto compiled = Expression::compile("count(xs, item > 0)", options);
  ASSERT_TRUE(compiled.ok());
  Json answers = {{"xs", Json::array()}};
  for (int i = 0; i < 100; ++i) answers["xs"].push_back(i);
  Env env;
  env.answers = &answers;
  auto value = compiled->evaluate(env);
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().code, "expr.too_many_steps");
  EXPECT_EQ(compile_error(std::string(100, '(') + "1" + std::string(100, ')')).code,
            "expr.too_deep");
  EXPECT_EQ(compile_error(std::string(100, '-') + "1").code, "expr.too_deep");
  EXPECT_EQ(compile_error(std::string(5000, ' ') + "1").code, "expr.too_long");
}

TEST(Expr, ListsOfLiteralsCostAStepPerItem) {
  // "a", the list and its two items, `in`: five steps, whether or not the list is built once.
  CompileOptions options;
  options.limits.max_steps = 4;
  auto tight = Expression::compile("\"a\" in [\"a\", \"b\"]", options);
  ASSERT_TRUE(tight.ok());
  auto stopped = tight->evaluate(Env{});
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().code, "expr.too_many_steps");
  options.limits.max_steps = 5;
  auto enough = Expression::compile("\"a\" in [\"a\", \"b\"]", options);
  ASSERT_TRUE(enough.ok());
  auto value = enough->evaluate(Env{});
  ASSERT_TRUE(value.ok());
  EXPECT_TRUE(is_true(*value));
}

TEST(Expr, ResultsOwnTheirTexts) {
  auto compiled = Expression::compile("if(true, [name, \"x\"], [])");
  ASSERT_TRUE(compiled.ok());
  Value value;
  Trace trace;
  {
    const Json answers = {{"name", "Георги Иванов Петров"}};
    Env env;
    env.answers = &answers;
    value = *compiled->evaluate(env, &trace);
  }  // the answers are gone: the result and the trace still read
  ASSERT_EQ(value.type(), Type::list);
  EXPECT_EQ(value.as_list()[0].as_string(), "Георги Иванов Петров");
  EXPECT_EQ(trace.to_json(compiled->source()).front()["value"], "Георги Иванов Петров");
}

TEST(Expr, ViewsAndOwnedCopiesEqualTheirValue) {
  const Value list = Value::list({Value::string("Витоша"), Value::number(*Decimal::parse("2.5"))});
  EXPECT_EQ(list.view(), list);
  EXPECT_EQ(list.view().owned(), list);
  EXPECT_EQ(list.view().as_list()[0].as_string(), "Витоша");
  const Json text = "бул. Витоша";
  EXPECT_EQ(Value::from_json(text).owned(), Value::string("бул. Витоша"));
  EXPECT_EQ(Value::from_json(text).to_json(), text);
}

TEST(Expr, TraceExplainsAResult) {
  auto compiled = Expression::compile("age(egn, today) >= 18");
  ASSERT_TRUE(compiled.ok());
  const Json answers = {{"egn", "1548010010"}};
  Env env;
  env.answers = &answers;
  env.today = kToday;
  Trace trace;
  auto value = compiled->evaluate(env, &trace);
  ASSERT_TRUE(value.ok());
  EXPECT_TRUE(is_false(*value));
  const Json json = trace.to_json(compiled->source());
  EXPECT_EQ(json.back()["expr"], "age(egn, today) >= 18");
  EXPECT_EQ(json[2]["expr"], "age(egn, today)");
  EXPECT_EQ(json[2]["value"], 11);
}

TEST(Expr, ModulesRegisterFunctions) {
  Registry functions = Registry::standard();
  functions.add(
      {"district_of", {Type::object}, Type::string, [](std::span<const Value> args, const Env&) {
         if (args[0].is_null()) return Value();
         return Value::string(args[0].as_object().value("street", "") == "Витоша" ? "Triaditsa"
                                                                                  : "unknown");
       }});
  CompileOptions options;
  options.functions = &functions;
  auto compiled = Expression::compile("district_of(address) == \"Triaditsa\"", options);
  ASSERT_TRUE(compiled.ok());
  const Json answers = {{"address", {{"street", "Витоша"}}}};
  Env env;
  env.answers = &answers;
  EXPECT_TRUE(is_true(*compiled->evaluate(env)));
  EXPECT_EQ(compile_error("district_of(1)", options).code, "expr.type_mismatch");
  EXPECT_EQ(compile_error("district_of(address)").code, "expr.unknown_function");
}

// A schema of two names: `n` (number, slot 0) and `p` (an object with a text member `t`).
class TinySchema final : public Schema {
 public:
  std::optional<Binding> root(std::string_view name) const override {
    if (name == "n") return Binding{Type::number, 0, -1};
    if (name == "p") return Binding{Type::object, -1, 1};
    return std::nullopt;
  }
  std::optional<Binding> member(const Binding&, std::string_view name) const override {
    if (name == "t") return Binding{Type::string, -1, -1};
    return std::nullopt;
  }
  Binding element(const Binding&) const override { return {}; }
};

TEST(Expr, SchemaTypesAndSlots) {
  TinySchema schema;
  CompileOptions options;
  options.schema = &schema;
  EXPECT_EQ(compile_error("m > 1", options).code, "expr.unknown_name");
  EXPECT_EQ(compile_error("p.u", options).code, "expr.unknown_name");
  EXPECT_EQ(compile_error("p.t + 1", options).code, "expr.type_mismatch");
  auto compiled = Expression::compile("n * 2", options);
  ASSERT_TRUE(compiled.ok());
  EXPECT_EQ(compiled->type(), Type::number);
  const Json n = 21;
  const Json* slots[] = {&n};
  Env env;
  env.slots = slots;
  EXPECT_EQ(compiled->evaluate(env)->as_number().to_string(), "42");
}

// A constant expression gives the same result whatever it is evaluated against, so forms may
// work it out once at load.
TEST(Expr, ConstantExpressionsReadNothing) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"18", true},
      {"2.56", true},
      {"-5.11", true},
      {"\"text\"", true},
      {"true", true},
      {"null", true},
      {"@2008-02-29", true},
      {"[\"permanent\", \"current\"]", true},
      {"[[1, 2], [3]]", true},
      {"1 + 2 * 3 - 4 / 8", true},
      {"1 / 0", true},
      {"9223372036854 * 9223372036854", true},
      {"if(1 < 2, \"a\", \"b\")", true},
      {"\"a\" + \"b\" in [\"ab\"]", true},
      {"not (false or null)", true},
      {"matches(\"0888\", \"0[0-9]{3}\")", true},
      {"name", false},
      {"a.b[0]", false},
      {"today", false},
      {"age(@2008-02-29, today)", false},
      {"len(\"abc\")", false},
      {"[1, name]", false},
      {"count([1, 2, 3], item > 1)", false},
      {"if(true, 1, x)", false},
  };
  const Json answers = Json::parse(R"({"name": "Ана", "a": {"b": [7]}, "x": 3})");
  for (const auto& [source, constant] : cases) {
    auto compiled = Expression::compile(source);
    ASSERT_TRUE(compiled.ok()) << source;
    EXPECT_EQ(compiled->is_constant(), constant) << source;
    if (!constant) continue;
    Env with_answers;
    with_answers.answers = &answers;
    with_answers.today = kToday;
    const auto alone = compiled->evaluate(Env{});
    const auto again = compiled->evaluate(with_answers);
    ASSERT_EQ(alone.ok(), again.ok()) << source;
    if (alone) {
      EXPECT_EQ(alone->to_json(), again->to_json()) << source;
    } else {
      EXPECT_EQ(alone.error().code, again.error().code) << source;
    }
  }
}

}  // namespace
}  // namespace civic::expr
