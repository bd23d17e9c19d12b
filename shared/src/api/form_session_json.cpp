#include "civic/form_session_json.hpp"

#include "civic/api.hpp"
#include "civic/strict_json.hpp"
#include "profile_handlers.hpp"
#include "request.hpp"

namespace civic::api {

namespace {

Error bad_json(const char* field) {
  return Error{"api.bad_json",
               std::string("/") + field,
               {std::string("Полето „") + field + "“ не е валиден JSON",
                std::string("The field \"") + field + "\" is not valid JSON"},
               {{"field", field}}};
}

std::string refusal(const Error& error) { return dump(failure(error)); }

// The request object and its "today"; a refusal otherwise.
Result<std::pair<Json, Date>> read_request(const std::string& request_json) {
  Json request = parse_json(request_json);
  if (request.is_discarded() || !request.is_object()) return bad_json("request");
  auto today = Request{request}.date("today");
  if (!today) return today.error();
  return std::pair<Json, Date>{std::move(request), *today};
}

}  // namespace

FormSessionJson::FormSessionJson(const std::string& request_json) {
  auto request = read_request(request_json);
  if (!request) {
    error_ = refusal(request.error());
    return;
  }
  const Json& body = request->first;
  const auto definition = body.find("form");
  if (definition == body.end() || !definition->is_object()) {
    error_ = refusal(
        Error{"api.bad_request",
              "/form",
              {"Полето „form“ трябва да е JSON обект", "The field \"form\" must be a JSON object"},
              {{"field", "form"}}});
    return;
  }
  forms::Loaded loaded = forms::load(*definition);
  if (!loaded.form) {
    Error first = loaded.errors.front();
    first.path = "/form" + first.path;
    error_ = refusal(first);
    return;
  }
  start(body, std::move(loaded.form), forms::Context{request->second, {}});
}

FormSessionJson::FormSessionJson(const profile::Profile& profile, const std::string& request_json) {
  auto request = read_request(request_json);
  if (!request) {
    error_ = refusal(request.error());
    return;
  }
  const Json& body = request->first;
  const Json id = body.value("form", Json());
  std::shared_ptr<const forms::Form> form =
      id.is_string() ? profile.form(id.get<std::string>()) : nullptr;
  if (!form) {
    error_ = refusal(unknown_form(id));
    return;
  }
  start(body, std::move(form), profile.context(request->second));
}

void FormSessionJson::start(const Json& request, std::shared_ptr<const forms::Form> form,
                            forms::Context context) {
  Json answers = request.value("answers", Json::object());
  if (!answers.is_object()) {
    error_ = refusal(Error{
        "api.bad_request",
        "/answers",
        {"Полето „answers“ трябва да е JSON обект", "The field \"answers\" must be a JSON object"},
        {{"field", "answers"}}});
    return;
  }
  const auto version = request.find("answers_version");
  if (version != request.end()) {
    if (!version->is_number_integer()) {
      error_ = refusal(Error{"api.bad_request",
                             "/answers_version",
                             {"Полето „answers_version“ трябва да е цяло число",
                              "The field \"answers_version\" must be a whole number"},
                             {{"field", "answers_version"}}});
      return;
    }
    auto migrated = forms::migrate(*form, answers, version->get<std::int64_t>());
    if (!migrated) {
      error_ = refusal(migrated.error());
      return;
    }
    answers = std::move(migrated).value();
  }
  session_ = std::make_unique<forms::FormSession>(std::move(form), std::move(context));
  session_->set_answers(std::move(answers));
}

std::string FormSessionJson::status() const {
  return session_ ? std::string(R"({"ok":true})") : error_;
}

std::string FormSessionJson::report() const {
  if (!session_) return error_;
  return forms::to_json_text(session_->form(), session_->report());
}

std::string FormSessionJson::set_answers(const std::string& answers_json) {
  if (!session_) return error_;
  Json answers = parse_json(answers_json);
  if (answers.is_discarded()) return refusal(bad_json("answers"));
  if (!answers.is_object()) {
    return refusal(
        Error{"api.bad_request",
              "/answers",
              {"Отговорите трябва да са JSON обект", "The answers must be a JSON object"},
              {{"field", "answers"}}});
  }
  session_->set_answers(std::move(answers));
  return report();
}

std::string FormSessionJson::set_answer(const std::string& pointer, const std::string& value_json) {
  if (!session_) return error_;
  Json value = parse_json(value_json);
  if (value.is_discarded()) return refusal(bad_json("value"));
  auto changed = session_->set_answer(pointer, std::move(value));
  if (!changed) return refusal(changed.error());
  return report();
}

std::string FormSessionJson::set_today(const std::string& today) {
  if (!session_) return error_;
  auto date = parse_iso_date(today);
  if (!date) {
    Error error = std::move(date).error();
    error.path = "/today";
    return refusal(error);
  }
  session_->set_today(*date);
  return report();
}

std::string FormSessionJson::answers() const {
  if (!session_) return error_;
  return dump(session_->answers());
}

}  // namespace civic::api
