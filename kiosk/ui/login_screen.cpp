#include <imgui.h>
#include <imgui_stdlib.h>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {

void draw_login(KioskApp& app, UiState& state) {
  OperatorLogin& login = app.login();
  ImGui::TextUnformatted("Вход за служители / Operator sign-in");
  ImGui::Separator();
  // The keyboard starts in the user field (and returns there while it is empty and nothing
  // else is being typed in), so an operator can type at once.
  if (state.username.empty() && !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
  ImGui::InputText("Потребител / User", &state.username);
  const bool enter =
      ImGui::InputText("Парола / Password", &state.password,
                       ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  const bool ready = !state.username.empty() && !state.password.empty() && !login.busy();
  if ((ImGui::Button("Вход / Sign in") || enter) && ready) {
    app.sign_in(state.username, state.password);
  }
  if (!login.message().bg.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.2f, 1));
    ImGui::TextWrapped("%s", login.message().bg.c_str());
    ImGui::TextWrapped("%s", login.message().en.c_str());
    if (login.probably_locked()) {
      ImGui::TextWrapped(
          "%d неуспешни опита подред: профилът вероятно е заключен за 15 минути от тази машина. "
          "Администратор може да го отключи.",
          login.failures_in_a_row());
      ImGui::TextWrapped(
          "%d failed attempts in a row: the account is probably locked for 15 minutes from this "
          "machine. An administrator can unlock it.",
          login.failures_in_a_row());
    }
    ImGui::PopStyleColor();
  }
}

}  // namespace civic::kiosk::ui
