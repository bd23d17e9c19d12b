#include "civic/eligibility.hpp"
#include "rules_handlers.hpp"

namespace civic::api {

Json eligibility_check_handler(const Request& request) {
  for (const char* field : {"policy", "subject"}) {
    if (auto member = request.object(field); !member) return failure(member.error());
  }
  auto today = request.date("today");
  if (!today) return failure(today.error());
  const eligibility::Loaded loaded = eligibility::load(request.body()["policy"]);
  if (!loaded.policy) {
    Error first = loaded.errors.front();
    first.path = "/policy" + first.path;
    return failure(first);
  }
  return eligibility::to_json(
      *loaded.policy, eligibility::check(*loaded.policy, request.body()["subject"], *today));
}

}  // namespace civic::api
