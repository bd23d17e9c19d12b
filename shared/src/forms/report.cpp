#include "civic/json_text.hpp"
#include "definition.hpp"

namespace civic::forms {

Json to_json(const Form& form, const Report& report) {
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
  out["computed"] = report.computed;
  out["answers"] = report.answers;
  return out;
}

namespace {

// Room for most reports at once (address_change's is 1.5 to 3 KB): one allocation, no copies
// as the text grows.
constexpr std::size_t kReportCapacity = 4096;

}  // namespace

// The text of to_json(form, report), written member by member in the same order.
std::string to_json_text(const Form& form, const Report& report) {
  const auto write_bool = [](std::string& out, bool value) { out += value ? "true" : "false"; };
  std::string out;
  out.reserve(kReportCapacity);
  out += R"({"form":)";
  append_json_string(out, form.id);
  out += R"(,"version":)";
  append_json_text(out, Json(form.version));
  out += R"(,"valid":)";
  write_bool(out, report.valid);
  out += R"(,"errors":[)";
  for (std::size_t i = 0; i < report.errors.size(); ++i) {
    const Error& error = report.errors[i];
    out += i == 0 ? R"({"code":)" : R"(,{"code":)";
    append_json_string(out, error.code);
    out += R"(,"path":)";
    append_json_string(out, error.path);
    out += R"(,"message":{"bg":)";
    append_json_string(out, error.message.bg);
    out += R"(,"en":)";
    append_json_string(out, error.message.en);
    out += R"(},"params":)";
    append_json_text(out, error.params);
    out += '}';
  }
  out += R"(],"steps":[)";
  for (std::size_t i = 0; i < report.steps.size(); ++i) {
    const StepState& step = report.steps[i];
    out += i == 0 ? R"({"id":)" : R"(,{"id":)";
    append_json_string(out, step.id);
    out += R"(,"visible":)";
    write_bool(out, step.visible);
    out += R"(,"complete":)";
    write_bool(out, step.complete);
    out += '}';
  }
  out += R"(],"visible":[)";
  for (std::size_t i = 0; i < report.visible.size(); ++i) {
    if (i != 0) out += ',';
    append_json_string(out, report.visible[i]);
  }
  out += R"(],"computed":)";
  append_json_text(out, report.computed);
  out += R"(,"answers":)";
  append_json_text(out, report.answers);
  out += '}';
  return out;
}

}  // namespace civic::forms
