#include "civic/forms.hpp"
#include "rules_handlers.hpp"

namespace civic::api {

Json form_check_definition_handler(const Request& request) {
  auto definition = request.object("form");
  if (!definition) return failure(definition.error());
  const forms::Loaded loaded = forms::load(**definition);
  return Json{{"valid", loaded.errors.empty()}, {"errors", errors_to_json(loaded.errors, "")}};
}

Json form_validate_handler(const Request& request) {
  auto definition = request.object("form");
  if (!definition) return failure(definition.error());
  auto answers = request.object("answers");
  if (!answers) return failure(answers.error());
  auto today = request.date("today");
  if (!today) return failure(today.error());
  const auto version = request.body().find("answers_version");
  if (version != request.body().end() && !version->is_number_integer()) {
    return failure(Error{"api.bad_request",
                         "/answers_version",
                         {"Полето „answers_version“ трябва да е цяло число",
                          "The field \"answers_version\" must be a whole number"},
                         {{"field", "answers_version"}}});
  }

  const forms::Loaded loaded = forms::load(**definition);
  if (!loaded.form) {
    Error first = loaded.errors.front();
    first.path = "/form" + first.path;
    return failure(first);
  }
  const forms::Form& form = *loaded.form;
  Json migrated;
  const Json* current = *answers;
  if (version != request.body().end()) {
    auto result = forms::migrate(form, **answers, version->get<std::int64_t>());
    if (!result) {
      forms::Report review;
      review.errors.push_back(std::move(result).error());
      return forms::to_json(form, review);
    }
    migrated = std::move(result).value();
    current = &migrated;
  }
  return forms::to_json(form, forms::validate(form, *current, forms::Context{*today, {}}));
}

}  // namespace civic::api
