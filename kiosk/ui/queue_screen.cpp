#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {
namespace {

constexpr std::array<const char*, 5> kStatuses = {"", "received", "needs_correction", "approved",
                                                  "rejected"};
constexpr std::array<const char*, 5> kStatusNames = {"всички / any", "получено / received",
                                                     "за корекция / needs correction",
                                                     "одобрено / approved", "отказано / rejected"};

void apply_sort(Queue& queue) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
  queue.sort_by(static_cast<QueueColumn>(spec.ColumnUserID),
                spec.SortDirection == ImGuiSortDirection_Ascending);
  specs->SpecsDirty = false;
}

void move_selection(UiState& state, size_t rows) {
  if (rows == 0) return;
  const int last = static_cast<int>(rows) - 1;
  if (key_pressed(kKeyDown)) state.selected = state.selected < last ? state.selected + 1 : last;
  if (key_pressed(kKeyUp)) state.selected = state.selected > 0 ? state.selected - 1 : 0;
}

}  // namespace

void draw_queue(KioskApp& app, UiState& state) {
  Queue& queue = app.queue();
  const OperatorAccount& account = app.login().account();
  if (ImGui::Button("Обнови / Reload (F5)") || key_pressed(kKeyF5)) queue.reload(account.token);
  ImGui::SameLine();
  if (ImGui::Button("Регистър / Register")) app.show_register_preparation();
  ImGui::SameLine();
  ImGui::Text("%zu / %zu", queue.view().size(), queue.total());
  if (queue.loading()) {
    ImGui::SameLine();
    ImGui::TextUnformatted("зареждане… / loading…");
  }

  ImGui::SetNextItemWidth(260);
  bool filter_changed =
      ImGui::InputTextWithHint("##filter", "търсене / search", &state.filter_text);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(260);
  if (ImGui::BeginCombo("##status", kStatusNames[static_cast<size_t>(state.status_filter)])) {
    for (size_t i = 0; i < kStatuses.size(); ++i) {
      if (ImGui::Selectable(kStatusNames[i], static_cast<int>(i) == state.status_filter)) {
        state.status_filter = static_cast<int>(i);
        filter_changed = true;
      }
    }
    ImGui::EndCombo();
  }
  if (filter_changed) {
    queue.set_filter({kStatuses[static_cast<size_t>(state.status_filter)], state.filter_text});
    state.selected = -1;
  }
  if (!queue.message().bg.empty()) ImGui::TextWrapped("%s", queue.message().bg.c_str());

  move_selection(state, queue.view().size());
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("queue", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Получено / Received", ImGuiTableColumnFlags_DefaultSort, 0,
                          static_cast<ImGuiID>(QueueColumn::received));
  ImGui::TableSetupColumn("Форма / Form", 0, 0, static_cast<ImGuiID>(QueueColumn::form));
  ImGui::TableSetupColumn("Район / District", 0, 0, static_cast<ImGuiID>(QueueColumn::district));
  ImGui::TableSetupColumn("Статус / Status", 0, 0, static_cast<ImGuiID>(QueueColumn::status));
  ImGui::TableSetupColumn("Дни / Age", 0, 0, static_cast<ImGuiID>(QueueColumn::age));
  ImGui::TableHeadersRow();
  apply_sort(queue);

  // Only the rows on screen are drawn: 10,000 rows cost what 30 do.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(queue.view().size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const QueueRow& row = queue.visible(static_cast<size_t>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      if (ImGui::Selectable(
              row.received_at.c_str(), state.selected == i,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
        state.selected = i;
        if (ImGui::IsMouseDoubleClicked(0)) app.open_submission(row.submission_id);
      }
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.form_id.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.district.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.status.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", age_in_days(row.received_at, state.now_utc));
    }
  }
  ImGui::EndTable();
  const bool has_selection =
      state.selected >= 0 && static_cast<size_t>(state.selected) < queue.view().size();
  if (has_selection && key_pressed(kKeyEnter) && !ImGui::GetIO().WantTextInput) {
    app.open_submission(queue.visible(static_cast<size_t>(state.selected)).submission_id);
  }
}

}  // namespace civic::kiosk::ui
