#include "policy.hpp"

namespace civic::eligibility {

namespace {

Error reason(const std::string& code, std::size_t index, const PolicyRule& rule) {
  Message message = rule.reason;
  if (code == "eligibility.unknown") {
    message = {rule.reason.bg + " (липсват данни, за да се провери)",
               rule.reason.en + " (some facts needed to check this are missing)"};
  } else if (code == "eligibility.error") {
    message = {rule.reason.bg + " (не може да се провери)",
               rule.reason.en + " (this cannot be checked)"};
  }
  return Error{code, "/rules/" + std::to_string(index), std::move(message), {{"rule", rule.id}}};
}

}  // namespace

Decision check(const Policy& policy, const Json& subject, Date today) {
  Decision decision;
  expr::Env env;
  env.answers = &subject;
  env.constants = &policy.constants;
  env.today = today;
  for (std::size_t i = 0; i < policy.rules.size(); ++i) {
    const PolicyRule& rule = policy.rules[i];
    RuleResult result{rule.id, "met", {}, rule.check.source()};
    auto value = rule.check.evaluate(env, &result.trace);
    if (!value) {
      result.outcome = "error";
    } else if (expr::is_false(*value)) {
      result.outcome = "not_met";
    } else if (!expr::is_true(*value)) {
      result.outcome = "unknown";
    }
    if (result.outcome != "met")
      decision.reasons.push_back(reason("eligibility." + result.outcome, i, rule));
    decision.rules.push_back(std::move(result));
  }
  decision.eligible = decision.reasons.empty();
  return decision;
}

Json to_json(const Policy& policy, const Decision& decision) {
  Json reasons = Json::array();
  for (const Error& error : decision.reasons) {
    reasons.push_back(Json{{"code", error.code},
                           {"path", error.path},
                           {"message", {{"bg", error.message.bg}, {"en", error.message.en}}},
                           {"params", error.params}});
  }
  Json rules = Json::array();
  for (const RuleResult& rule : decision.rules) {
    rules.push_back(Json{{"rule", rule.rule},
                         {"outcome", rule.outcome},
                         {"trace", rule.trace.to_json(rule.source)}});
  }
  return Json{{"policy", policy.id},
              {"version", policy.version},
              {"eligible", decision.eligible},
              {"reasons", std::move(reasons)},
              {"rules", std::move(rules)}};
}

}  // namespace civic::eligibility
