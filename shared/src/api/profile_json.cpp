#include "civic/profile_json.hpp"

#include "address_handlers.hpp"
#include "civic/api.hpp"
#include "civic/strict_json.hpp"
#include "civic/submission.hpp"
#include "envelope_handlers.hpp"
#include "profile_handlers.hpp"
#include "request.hpp"

namespace civic::api {

namespace {

// Runs `handle` on `profile` and the parsed request object; {"error"} when it is not one.
// One function for every method (a plain function pointer, not a template per method).
std::string with_request(const profile::Profile& profile, const std::string& request_json,
                         const char* what,
                         Json (*handle)(const Request&, const profile::Profile&)) {
  const Json request = parse_json(request_json);
  if (request.is_discarded() || !request.is_object()) {
    return dump(failure(Error{"api.bad_json",
                              "",
                              {std::string("Полето „") + what + "“ трябва да е JSON обект",
                               std::string("The field \"") + what + "\" must be a JSON object"},
                              {{"field", what}}}));
  }
  return dump(handle(Request{request}, profile));
}

Json seal(const Request& request, const profile::Profile& profile) {
  auto form = request.string("form");
  if (!form) return failure(form.error());
  auto answers = request.object("answers");
  if (!answers) return failure(answers.error());
  auto today = request.date("today");
  if (!today) return failure(today.error());
  auto created_at = request.string("created_at");
  if (!created_at) return failure(created_at.error());
  auto sealing = sealing_of(request);
  if (!sealing) return failure(sealing.error());
  auto sealed = submission::seal(profile, *form, **answers, {*today, *created_at}, sealing->key,
                                 *sealing.value().rng);
  if (!sealed) return failure(sealed.error());
  return Json{{"envelope", std::move(sealed).value()}};
}

Json check_eligibility(const Request& in, const profile::Profile& profile) {
  auto id = in.string("policy");
  if (!id) return failure(id.error());
  auto subject = in.object("subject");
  if (!subject) return failure(subject.error());
  auto today = in.date("today");
  if (!today) return failure(today.error());
  const auto policy = profile.policy(*id);
  if (!policy) {
    return failure(Error{
        "profile.unknown_policy",
        "/policy",
        {"Профилът няма такова правило за достъп", "The profile has no such eligibility policy"},
        {{"policy", *id}}});
  }
  return eligibility::to_json(*policy, eligibility::check(*policy, **subject, *today));
}

}  // namespace

ProfileJson::ProfileJson(const std::string& bundle_json) {
  std::optional<profile::Loaded> loaded = profile::load_text(bundle_json);
  std::vector<Error> errors;
  if (!loaded) {
    errors.push_back(Error{
        "api.bad_json", "", {"Профилът не е валиден JSON", "The profile is not valid JSON"}, {}});
  } else {
    profile_ = std::move(loaded->profile);
    errors = std::move(loaded->errors);
  }
  status_ =
      profile_ ? R"({"ok":true})" : dump(Json{{"ok", false}, {"errors", errors_to_json(errors)}});
}

std::string ProfileJson::status() const { return status_; }

std::string ProfileJson::validate_address(const std::string& address_json) const {
  if (!profile_) return status_;
  const Json address = parse_json(address_json);
  const auto check = profile_->context(Date{}).address_check;  // the check does not use the date
  const std::vector<Error> errors = check(address.is_discarded() ? Json() : address);
  return dump(Json{{"valid", errors.empty()}, {"errors", errors_to_json(errors)}});
}

std::string ProfileJson::suggest(const std::string& query_json) const {
  if (!profile_) return status_;
  return with_request(*profile_, query_json, "query", &profile_suggest_json);
}

std::string ProfileJson::check_eligibility(const std::string& request_json) const {
  if (!profile_) return status_;
  return with_request(*profile_, request_json, "request", &api::check_eligibility);
}

std::string ProfileJson::catalogue() const {
  if (!profile_) return status_;
  return dump(profile::catalogue_json(*profile_));
}

std::string ProfileJson::seal(const std::string& request_json) const {
  if (!profile_) return status_;
  return with_request(*profile_, request_json, "request", &api::seal);
}

}  // namespace civic::api
