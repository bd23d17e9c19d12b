// kiosk/model/problem.hpp — what to tell the operator when civic-server says no.
#pragma once

#include "civic/result.hpp"
#include "server_client.hpp"

namespace civic::kiosk {

// The first error's bg/en message of a problem+json answer; for an answer that is not one
// (the server not reached, a proxy's page) a message that says so. Never the raw body.
Message problem_message(const HttpResponse& response);

// The first error's stable code ("operator.bad_credentials"), or "" when there is none.
std::string problem_code(const HttpResponse& response);

}  // namespace civic::kiosk
