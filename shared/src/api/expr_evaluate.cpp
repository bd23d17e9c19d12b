#include "civic/expr.hpp"
#include "rules_handlers.hpp"

namespace civic::api {

namespace {

// An optional member that must be a JSON object when present; nullptr when absent.
Result<const Json*> optional_object(const Json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return static_cast<const Json*>(nullptr);
  if (!it->is_object()) {
    return Error{"api.bad_request",
                 std::string("/") + field,
                 {std::string("Полето „") + field + "“ трябва да е JSON обект",
                  std::string("The field \"") + field + "\" must be a JSON object"},
                 {{"field", field}}};
  }
  return &*it;
}

}  // namespace

Json expr_evaluate_handler(const Request& request) {
  auto source = request.string("expression");
  if (!source) return failure(source.error());
  auto today = request.date("today");
  if (!today) return failure(today.error());
  auto answers = optional_object(request.body(), "answers");
  if (!answers) return failure(answers.error());
  auto constants = optional_object(request.body(), "constants");
  if (!constants) return failure(constants.error());
  const auto trace_member = request.body().find("trace");
  const bool want_trace = trace_member != request.body().end() && trace_member->is_boolean() &&
                          trace_member->get<bool>();

  expr::CompileOptions options;
  const auto max_steps = request.body().find("max_steps");
  if (max_steps != request.body().end()) {
    if (!max_steps->is_number_unsigned() || max_steps->get<std::uint64_t>() > UINT32_MAX) {
      return failure(Error{"api.bad_request",
                           "/max_steps",
                           {"Полето „max_steps“ трябва да е цяло положително число",
                            "The field \"max_steps\" must be a whole positive number"},
                           {{"field", "max_steps"}}});
    }
    options.limits.max_steps = max_steps->get<std::uint32_t>();
  }
  auto expression = expr::Expression::compile(*source, options);
  if (!expression) {
    Error error = std::move(expression).error();
    error.path = "/expression";
    return failure(error);
  }
  expr::Env env;
  env.answers = *answers;
  env.constants = *constants;
  env.today = *today;
  expr::Trace trace;
  auto value = expression->evaluate(env, want_trace ? &trace : nullptr);
  if (!value) {
    Error error = std::move(value).error();
    error.path = "/expression";
    return failure(error);
  }
  Json out{{"value", value->to_json()}, {"type", expr::to_string(value->type())}};
  if (want_trace) out["trace"] = trace.to_json(*source);
  return out;
}

}  // namespace civic::api
