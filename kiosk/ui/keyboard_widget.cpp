#include <imgui.h>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {

bool draw_keyboard(std::string& text, KeyboardState& keyboard, Language language) {
  const float key = ImGui::GetFrameHeight() * 1.6f;
  bool changed = false;
  ImGui::PushID("keyboard");
  int id = 0;
  for (const auto& row : keyboard_rows(keyboard)) {
    for (const std::string_view letter : row) {
      ImGui::PushID(id++);
      const std::string label(letter);
      if (ImGui::Button(label.c_str(), ImVec2(key, key))) {
        type_key(text, letter, keyboard);
        changed = true;
      }
      ImGui::PopID();
      ImGui::SameLine();
    }
    ImGui::NewLine();
  }
  if (ImGui::Button(keyboard.shift ? "⇧ ABC" : "⇧ abc", ImVec2(key * 2.5f, key))) {
    keyboard.shift = !keyboard.shift;
  }
  ImGui::SameLine();
  const bool cyrillic = keyboard.layout == KeyboardLayout::cyrillic;
  if (ImGui::Button(cyrillic ? "ABC" : "АБВ", ImVec2(key * 2.5f, key))) {
    keyboard.layout = cyrillic ? KeyboardLayout::latin : KeyboardLayout::cyrillic;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(language, "интервал", "space"), ImVec2(key * 5, key))) {
    text += ' ';
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("⌫", ImVec2(key * 2, key)) && !text.empty()) {
    erase_last_character(text);
    changed = true;
  }
  ImGui::PopID();
  return changed;
}

}  // namespace civic::kiosk::ui
