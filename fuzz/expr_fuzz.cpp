// Fuzz target: any bytes as an expression, compiled against a small form-like schema and,
// when it compiles, evaluated (with a trace) over fixed answers. Must never crash, hang or
// leak; every failure must be an Error value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "civic/expr.hpp"

namespace {

using civic::expr::Binding;
using civic::expr::Type;

// Names: n (number, slot 0), s (text), d (date), kids (list of objects with `egn`, `age`).
class FuzzSchema final : public civic::expr::Schema {
 public:
  std::optional<Binding> root(std::string_view name) const override {
    if (name == "n") return Binding{Type::number, 0, -1};
    if (name == "s") return Binding{Type::string, -1, -1};
    if (name == "d") return Binding{Type::date, -1, -1};
    if (name == "kids") return Binding{Type::list, -1, 1};
    return std::nullopt;
  }
  std::optional<Binding> member(const Binding&, std::string_view name) const override {
    if (name == "egn") return Binding{Type::string, -1, -1};
    if (name == "age") return Binding{Type::number, -1, -1};
    return std::nullopt;
  }
  Binding element(const Binding&) const override { return {Type::object, -1, 1}; }
};

const civic::expr::Json& answers() {
  static const civic::expr::Json kAnswers = civic::expr::Json::parse(
      R"({"s":"0888 123 456","d":"2020-02-29","x":[1,2.5,"a",null,{"y":true}],
          "kids":[{"egn":"1548010010","age":11},{"egn":"6101057509","age":65},{}]})");
  return kAnswers;
}

void run(std::string_view source, const civic::expr::CompileOptions& options) {
  auto compiled = civic::expr::Expression::compile(source, options);
  if (!compiled) return;
  const civic::expr::Json n = 7;
  const civic::expr::Json* slots[] = {&n};
  civic::expr::Env env;
  env.answers = &answers();
  env.slots = slots;
  env.today = {2026, 11, 25};
  civic::expr::Trace trace;
  auto value = compiled->evaluate(env, &trace);
  constexpr auto kReplace = civic::expr::Json::error_handler_t::replace;  // as api::dump does
  if (value) (void)value->to_json().dump(-1, ' ', false, kReplace);
  (void)trace.to_json(compiled->source()).dump(-1, ' ', false, kReplace);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  static const FuzzSchema schema;
  civic::expr::CompileOptions typed;
  typed.schema = &schema;
  typed.limits.max_steps = 20'000;
  run(source, typed);
  civic::expr::CompileOptions untyped;
  untyped.limits.max_steps = 20'000;
  run(source, untyped);
  return 0;
}
