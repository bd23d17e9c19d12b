// JSON API handlers of the rules engine: expr, form and eligibility (internal to the api module).
#pragma once

#include "request.hpp"

namespace civic::api {

// expr.evaluate {"expression", "today", "answers"?, "constants"?, "trace"?, "max_steps"?}
//   → {"value", "type", "trace"?}
Json expr_evaluate_handler(const Request& request);

// form.check_definition {"form"} → {"valid", "errors"}
Json form_check_definition_handler(const Request& request);

// form.validate {"form", "answers", "today", "answers_version"?} → the report
Json form_validate_handler(const Request& request);

// eligibility.check {"policy", "subject", "today"} → the decision
Json eligibility_check_handler(const Request& request);

}  // namespace civic::api
