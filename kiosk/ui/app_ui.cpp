#include <imgui.h>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {
namespace {

void draw_operator_bar(KioskApp& app) {
  const OperatorAccount& account = app.login().account();
  ImGui::Text("%s (%s)", account.username.c_str(), account.role.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Изход / Sign out")) app.sign_out();
  ImGui::Separator();
}

}  // namespace

void draw_app(KioskApp& app, UiState& state, const std::function<void(KioskForm&)>& submit) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("civic-kiosk", nullptr, flags);
  switch (app.screen()) {
    case Screen::connecting:
      ImGui::TextUnformatted("Свързване със сървъра… / Connecting to the server…");
      if (!app.message().bg.empty())
        ImGui::TextWrapped("%s / %s", app.message().bg.c_str(), app.message().en.c_str());
      break;
    case Screen::login: draw_login(app, state); break;
    case Screen::queue:
      draw_operator_bar(app);
      draw_queue(app, state);
      break;
    case Screen::submission:
      draw_operator_bar(app);
      draw_submission(app, state);
      break;
    case Screen::register_preparation:
      draw_operator_bar(app);
      draw_register(app, state);
      break;
    case Screen::kiosk_form: draw_kiosk(app, submit); break;
  }
  ImGui::End();
}

}  // namespace civic::kiosk::ui
