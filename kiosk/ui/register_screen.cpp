#include <imgui.h>
#include <imgui_stdlib.h>

#include <fstream>
#include <sstream>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {
namespace {

// A row's number in a report item ({"row": N}), or 0.
size_t row_of(const address::Json& params) {
  const auto row = params.value("row", address::Json());
  return row.is_number_unsigned() ? row.get<size_t>() : 0;
}

// "Skip" beside a refused or conflicting row (item `item` of the list): it is left out of the
// upload.
void skip_button(RegisterPreparation& preparation, size_t row, int item) {
  if (row < 2) return;  // the header cannot be skipped
  ImGui::PushID(item);
  if (ImGui::SmallButton("Пропусни / Skip")) preparation.skip_row(row);
  ImGui::PopID();
  ImGui::SameLine();
}

void draw_report(RegisterPreparation& preparation) {
  const Readiness r = preparation.readiness();
  section("Готовност / Readiness");
  ImGui::Text("редове / rows %zu, приети / accepted %zu, отхвърлени / refused %zu", r.rows,
              r.accepted, r.refused);
  ImGui::Text(
      "повторени / duplicates %zu, конфликти / postal conflicts %zu, пропуснати / "
      "skipped %zu",
      r.duplicates, r.conflicts, r.skipped);
  ImGui::TextColored(r.ready ? ImVec4(0.2f, 0.7f, 0.3f, 1) : ImVec4(0.9f, 0.2f, 0.2f, 1), "%s",
                     r.ready ? "готов за качване / ready to upload"
                             : "не е готов: поправете файла или пропуснете редовете / not "
                               "ready: fix the file or skip the rows");
  const address::ImportReport report = preparation.report();  // a skip reloads it
  if (r.refused + r.conflicts > 0 &&
      ImGui::Button("Пропусни всички отхвърлени / Skip every refused row")) {
    preparation.skip_refused_rows();
  }
  if (!ImGui::BeginChild("problems", ImVec2(0, 240), true)) {
    ImGui::EndChild();
    return;
  }
  int item = 0;
  for (const Error& error : report.errors) {
    skip_button(preparation, row_of(error.params), item++);
    ImGui::BulletText("%s: %s", error.path.c_str(), error.message.bg.c_str());
  }
  for (const auto& duplicate : report.duplicates) {
    ImGui::BulletText("ред / row %s = %s: %s",
                      duplicate.value("row", address::Json()).dump().c_str(),
                      duplicate.value("first_row", address::Json()).dump().c_str(),
                      duplicate.value("key", "").c_str());
  }
  for (const auto& conflict : report.postal_conflicts) {
    skip_button(preparation, row_of(conflict), item++);
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
