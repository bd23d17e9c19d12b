#include <imgui.h>
#include <imgui_stdlib.h>

#include <fstream>
#include <sstream>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {
namespace {

void draw_report(const RegisterPreparation& preparation) {
  const Readiness r = preparation.readiness();
  section("Готовност / Readiness");
  ImGui::Text("редове / rows %zu, приети / accepted %zu, отхвърлени / refused %zu", r.rows,
              r.accepted, r.refused);
  ImGui::Text("повторени / duplicates %zu, конфликти / postal conflicts %zu", r.duplicates,
              r.conflicts);
  ImGui::TextColored(r.ready ? ImVec4(0.2f, 0.7f, 0.3f, 1) : ImVec4(0.9f, 0.2f, 0.2f, 1), "%s",
                     r.ready ? "готов за качване / ready to upload"
                             : "не е готов: поправете файла / not ready: fix the file");
  const address::ImportReport& report = preparation.report();
  if (!ImGui::BeginChild("problems", ImVec2(0, 240), true)) {
    ImGui::EndChild();
    return;
  }
  for (const Error& error : report.errors) {
    ImGui::BulletText("%s: %s", error.path.c_str(), error.message.bg.c_str());
  }
  for (const auto& duplicate : report.duplicates) {
    ImGui::BulletText("ред / row %s = %s: %s",
                      duplicate.value("row", address::Json()).dump().c_str(),
                      duplicate.value("first_row", address::Json()).dump().c_str(),
                      duplicate.value("key", "").c_str());
  }
  for (const auto& conflict : report.postal_conflicts) {
    ImGui::BulletText(
        "ред / row %s: %s ≠ %s", conflict.value("row", address::Json()).dump().c_str(),
        conflict.value("postal_code", "").c_str(), conflict.value("first_postal_code", "").c_str());
  }
  ImGui::EndChild();
}

}  // namespace

void draw_register(KioskApp& app, UiState& state) {
  RegisterPreparation& preparation = app.register_preparation();
  if (ImGui::Button("← Опашка / Queue")) app.show_queue();
  section("Регистър на адресите / Address register (docs/register-csv.md)");
  ImGui::InputTextWithHint("Район / District", "68134-16", &state.district);
  ImGui::InputTextWithHint("Файл / File", "/path/to/district.csv", &state.csv_path);
  ImGui::SameLine();
  if (ImGui::Button("Отвори / Open")) {
    std::ifstream file(state.csv_path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    state.csv_text = file ? text.str() : "";
  }
  ImGui::InputTextMultiline("CSV", &state.csv_text, ImVec2(-1, 120));
  if (ImGui::Button("Провери / Check") && !state.district.empty()) {
    preparation.load(state.district, state.csv_text);
  }
  if (!preparation.loaded()) return;
  draw_report(preparation);
  ImGui::Checkbox("Пропусни повторените редове / Skip the repeated rows", &state.skip_duplicates);
  if (ImGui::Button("Качи / Upload")) {
    preparation.upload(app.login().account().token, state.skip_duplicates);
  }
  if (!preparation.message().bg.empty()) {
    ImGui::TextWrapped("%s / %s", preparation.message().bg.c_str(),
                       preparation.message().en.c_str());
  }
}

}  // namespace civic::kiosk::ui
