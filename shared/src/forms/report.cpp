#include "civic/json_text.hpp"
#include "definition.hpp"

namespace civic::forms {

namespace {

// {"form","version","valid","errors","steps","visible"}: the report but for its computed
// values and answers, which to_json copies in and to_json_text writes where they stand.
Json head(const Form& form, const Report& report) {
  Json errors = Json::array();
  errors.get_ref<Json::array_t&>().reserve(report.errors.size());
  for (const Error& error : report.errors) {
    errors.push_back(Json{{"code", error.code},
                          {"path", error.path},
                          {"message", {{"bg", error.message.bg}, {"en", error.message.en}}},
                          {"params", error.params}});
  }
  Json steps = Json::array();
  steps.get_ref<Json::array_t&>().reserve(report.steps.size());
  for (const StepState& step : report.steps) {
    Json& out = steps.emplace_back(Json::object());
    out.get_ref<Json::object_t&>().reserve(3);
    out["id"] = step.id;
    out["visible"] = step.visible;
    out["complete"] = step.complete;
  }
  Json out = Json::object();
  out.get_ref<Json::object_t&>().reserve(8);
  out["form"] = form.id;
  out["version"] = form.version;
  out["valid"] = report.valid;
  out["errors"] = std::move(errors);
  out["steps"] = std::move(steps);
  out["visible"] = report.visible;
  return out;
}

}  // namespace

Json to_json(const Form& form, const Report& report) {
  Json out = head(form, report);
  out["computed"] = report.computed;
  out["answers"] = report.answers;
  return out;
}

std::string to_json_text(const Form& form, const Report& report) {
  std::string text = json_text(head(form, report));
  text.pop_back();  // the head's closing brace
  text.append(R"(,"computed":)").append(json_text(report.computed));
  text.append(R"(,"answers":)").append(json_text(report.answers));
  text.push_back('}');
  return text;
}

}  // namespace civic::forms
