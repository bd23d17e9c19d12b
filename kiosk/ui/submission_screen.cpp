#include <imgui.h>
#include <imgui_stdlib.h>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {
namespace {

void draw_answers(const forms::Json& answers, const std::string& prefix) {
  for (const auto& [key, value] : answers.items()) {
    const std::string name = prefix + key;
    if (value.is_object()) {
      draw_answers(value, name + ".");
    } else {
      ImGui::TextDisabled("%s", name.c_str());
      ImGui::SameLine(220);
      const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
      ImGui::TextWrapped("%s", text.c_str());
    }
  }
}

void draw_report(const SubmissionReview& review) {
  const bool server_valid = review.server_report().value("valid", false);
  ImGui::Text("Сървър / server: %s", server_valid ? "валидно / valid" : "НЕВАЛИДНО / INVALID");
  const forms::Report* local = review.local_report();
  if (!local) {
    ImGui::TextWrapped("Формата я няма в текущия профил / the form is not in the current profile");
    return;
  }
  ImGui::Text("Тук, текущ профил / here, current profile: %s",
              local->valid ? "валидно / valid" : "НЕВАЛИДНО / INVALID");
  if (!review.reports_agree()) {
    ImGui::TextColored(ImVec4(0.9f, 0.5f, 0.1f, 1),
                       "Профилът се е променил след подаването / the profile changed since");
  }
  for (const Error& error : local->errors) {
    ImGui::BulletText("%s: %s", error.path.c_str(), error.message.bg.c_str());
  }
}

void draw_audit(const SubmissionReview& review) {
  section("Одит / Audit");
  if (review.audit_forbidden()) {
    ImGui::TextWrapped("Одитът е достъпен за администратори / the audit log is for administrators");
    return;
  }
  switch (review.chain().kind) {
    case ChainState::Kind::unknown:
      ImGui::TextUnformatted("верига: проверка… / chain: checking…");
      break;
    case ChainState::Kind::valid:
      ImGui::TextColored(ImVec4(0.2f, 0.7f, 0.3f, 1), "верига: цяла (%lld записа) / chain intact",
                         review.chain().count);
      break;
    case ChainState::Kind::broken:
      ImGui::TextColored(ImVec4(0.9f, 0.2f, 0.2f, 1), "верига: СКЪСАНА при %lld / chain BROKEN at",
                         review.chain().broken_at);
      break;
    case ChainState::Kind::unavailable:
      ImGui::TextUnformatted("верига: няма отговор / chain: no answer");
      break;
  }
  for (const AuditEntry& entry : review.audit()) {
    ImGui::BulletText("#%lld %s %s %s", entry.seq, entry.at.c_str(), entry.actor.c_str(),
                      entry.action.c_str());
  }
}

void draw_decision(KioskApp& app, UiState& state) {
  section("Решение / Decision");
  ImGui::InputTextMultiline("Причина / Reason", &state.reason, ImVec2(-1, 60));
  const bool busy = app.review().busy();
  if ((ImGui::Button("Одобри / Approve (Alt+A)") || alt_letter_pressed('A')) && !busy) {
    app.decide(Decision::approve, "");
  }
  ImGui::SameLine();
  if ((ImGui::Button("Откажи / Reject (Alt+R)") || alt_letter_pressed('R')) && !busy) {
    app.decide(Decision::reject, state.reason);
  }
  ImGui::SameLine();
  if ((ImGui::Button("За корекция / Correction (Alt+C)") || alt_letter_pressed('C')) && !busy) {
    app.decide(Decision::needs_correction, state.reason);
  }
}

}  // namespace

void draw_submission(KioskApp& app, UiState& state) {
  SubmissionReview& review = app.review();
  if (ImGui::Button("← Опашка / Queue (Esc)") ||
      (key_pressed(kKeyEscape) && !ImGui::GetIO().WantTextInput)) {
    review.close();
    state.reason.clear();
    app.show_queue();
    return;
  }
  if (!review.message().bg.empty()) {
    ImGui::TextColored(ImVec4(0.9f, 0.2f, 0.2f, 1), "%s / %s", review.message().bg.c_str(),
                       review.message().en.c_str());
  }
  if (!review.is_open()) {
    if (review.busy()) ImGui::TextUnformatted("отваряне… / opening…");
    return;
  }
  ImGui::Text("%s — %s", review.id().c_str(), review.status().c_str());
  if (!ImGui::BeginTable("review", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
    return;
  }
  ImGui::TableNextColumn();
  section("Отговори / Answers");
  draw_answers(review.answers(), "");
  ImGui::TableNextColumn();
  section("Проверка / Validation");
  draw_report(review);
  draw_decision(app, state);
  draw_audit(review);
  ImGui::EndTable();
}

}  // namespace civic::kiosk::ui
