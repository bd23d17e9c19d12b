#include "definition.hpp"

namespace civic::forms {

Json to_json(const Form& form, const Report& report) {
  Json errors = Json::array();
  for (const Error& error : report.errors) {
    errors.push_back(Json{{"code", error.code},
                          {"path", error.path},
                          {"message", {{"bg", error.message.bg}, {"en", error.message.en}}},
                          {"params", error.params}});
  }
  Json steps = Json::array();
  for (const StepState& step : report.steps) {
    steps.push_back(Json{{"id", step.id}, {"visible", step.visible}, {"complete", step.complete}});
  }
  return Json{{"form", form.id},
              {"version", form.version},
              {"valid", report.valid},
              {"errors", std::move(errors)},
              {"steps", std::move(steps)},
              {"visible", report.visible},
              {"computed", report.computed},
              {"answers", report.answers}};
}

}  // namespace civic::forms
