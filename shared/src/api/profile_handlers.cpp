#include "profile_handlers.hpp"

#include "civic/profile.hpp"

namespace civic::api {

Error unknown_form(const Json& id) {
  return Error{"profile.unknown_form",
               "/form",
               {"Профилът няма такъв формуляр", "The profile has no such form"},
               {{"form", id}}};
}

Json profile_check_handler(const Request& request) {
  auto bundle = request.object("bundle");
  if (!bundle) return failure(bundle.error());
  const profile::Loaded loaded = profile::load(**bundle);
  return Json{{"ok", loaded.errors.empty()}, {"errors", errors_to_json(loaded.errors, "/bundle")}};
}

// The report of one form of the profile; a refused bundle gives its first error.
Json profile_validate_form_handler(const Request& request) {
  auto bundle = request.object("bundle");
  if (!bundle) return failure(bundle.error());
  auto form_id = request.string("form");
  if (!form_id) return failure(form_id.error());
  auto answers = request.object("answers");
  if (!answers) return failure(answers.error());
  auto today = request.date("today");
  if (!today) return failure(today.error());
  const profile::Loaded loaded = profile::load(**bundle);
  if (!loaded.profile) {
    Error first = loaded.errors.front();
    first.path = "/bundle" + first.path;
    return failure(first);
  }
  const auto form = loaded.profile->form(*form_id);
  if (!form) {
    return failure(unknown_form(*form_id));
  }
  return forms::to_json(*form, forms::validate(*form, **answers, loaded.profile->context(*today)));
}

// The service catalogue of the profile; a refused bundle gives its first error.
Json profile_catalogue_handler(const Request& request) {
  auto bundle = request.object("bundle");
  if (!bundle) return failure(bundle.error());
  const profile::Loaded loaded = profile::load(**bundle);
  if (!loaded.profile) {
    Error first = loaded.errors.front();
    first.path = "/bundle" + first.path;
    return failure(first);
  }
  return profile::catalogue_json(*loaded.profile);
}

}  // namespace civic::api
