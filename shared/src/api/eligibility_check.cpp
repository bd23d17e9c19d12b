#include "civic/eligibility.hpp"
#include "rules_handlers.hpp"

namespace civic::api {

Json eligibility_check_handler(const Request& request) {
  for (const char* field : {"policy", "subject"}) {
    const auto found = request.body().find(field);
    if (found == request.body().end() || !found->is_object()) {
      return failure(Error{"api.bad_request",
                           std::string("/") + field,
                           {std::string("Полето „") + field + "“ трябва да е JSON обект",
                            std::string("The field \"") + field + "\" must be a JSON object"},
                           {{"field", field}}});
    }
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
