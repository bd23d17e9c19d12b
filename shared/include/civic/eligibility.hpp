// civic/eligibility.hpp — who may use a service, as data (specified in docs/eligibility.md).
//
// A policy is a list of rules, each an expression over the subject (the person's facts as a
// JSON object) and the policy's own constants, with the reason to give when it does not hold:
//
//   {"id": "pb_voter", "version": 1, "title": {...},
//    "constants": {"min_age": 16},
//    "rules": [{"id": "old_enough", "check": "age(egn, today) >= min_age",
//               "reason": {"bg": "...", "en": "You must be 16 or over"}}]}
//
// check() evaluates every rule (never stopping at the first) and returns each failed reason
// with a trace of what was looked at, so a refusal explains itself.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "civic/date.hpp"
#include "civic/expr.hpp"
#include "civic/result.hpp"

namespace civic::eligibility {

using Json = nlohmann::ordered_json;

// A parsed and compiled policy (structure internal). Immutable; share it.
struct Policy;

struct Loaded {
  std::shared_ptr<const Policy> policy;  // null when `errors` is not empty
  std::vector<Error> errors;             // definition.* and expr.* with paths into the policy
};

// `functions` (default: expr::Registry::standard()) must outlive the policy.
Loaded load(const Json& policy, const expr::Registry* functions = nullptr);

// The outcome for one rule.
//   outcome "met"; "not_met" (false); "unknown" (a fact is missing: the rule gave null);
//   "error" (the rule could not be evaluated, e.g. too many steps).
struct RuleResult {
  std::string rule;
  std::string outcome;
  expr::Trace trace;
  std::string source;  // the rule's expression, to quote the trace
};

struct Decision {
  bool eligible = false;       // every rule met
  std::vector<Error> reasons;  // one per rule not met: code eligibility.not_met,
                               // eligibility.unknown or eligibility.error, path /rules/N
  std::vector<RuleResult> rules;
};

// Subject: the person's facts (a JSON object); `today` for age and dates.
Decision check(const Policy& policy, const Json& subject, Date today);

// {"policy","version","eligible","reasons","rules":[{"rule","outcome","trace"}]}.
Json to_json(const Policy& policy, const Decision& decision);

}  // namespace civic::eligibility
