// A parsed policy (internal to the eligibility module).
#pragma once

#include <string>
#include <vector>

#include "civic/eligibility.hpp"

namespace civic::eligibility {

struct PolicyRule {
  std::string id;
  expr::Expression check;
  Message reason;
};

struct Policy {
  std::string id;
  std::int64_t version = 0;
  Message title;
  Json constants = Json::object();
  std::vector<PolicyRule> rules;
};

}  // namespace civic::eligibility
