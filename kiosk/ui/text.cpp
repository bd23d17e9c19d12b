#include "text.hpp"

#include <imgui.h>

namespace civic::kiosk::ui {

const char* tr(Language language, const char* bg, const char* en) {
  return language == Language::bg ? bg : en;
}

const std::string& tr(Language language, const Message& message) {
  return language == Language::bg || message.en.empty() ? message.bg : message.en;
}

void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextUnformatted(title);
  ImGui::Separator();
}

bool key_pressed(int key) { return ImGui::IsKeyPressed(key, false); }

bool alt_letter_pressed(char letter) {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyAlt && !io.WantTextInput && ImGui::IsKeyPressed(letter, false);
}

}  // namespace civic::kiosk::ui
