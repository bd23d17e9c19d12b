// kiosk/ui/screens.hpp — every screen of the kiosk, drawn with Dear ImGui from the model.
// The screens hold no state of their own beyond UiState: what was typed but not sent yet.
#pragma once

#include <functional>
#include <string>

#include "kiosk_app.hpp"

namespace civic::kiosk::ui {

struct UiState {
  std::string username;
  std::string password;
  std::string filter_text;
  int status_filter = 0;  // index into the queue's status choices; 0: any
  int selected = -1;      // a row of the queue's view
  std::string reason;
  std::string district;
  std::string csv_path;
  std::string csv_text;
  bool skip_duplicates = false;
  std::string now_utc;  // "YYYY-MM-DDTHH:MM:SSZ", for the queue's ages and a submission's date
};

void draw_login(KioskApp& app, UiState& state);
void draw_queue(KioskApp& app, UiState& state);
void draw_submission(KioskApp& app, UiState& state);
void draw_register(KioskApp& app, UiState& state);
// The self-service form (with the on-screen keyboard), or its receipt once sent.
// `submit` seals and sends (the platform supplies the clock and the random seed).
void draw_kiosk(KioskApp& app, const std::function<void(KioskForm&)>& submit);
// The on-screen keyboard typing into `text`; true when it changed.
bool draw_keyboard(std::string& text, KeyboardState& keyboard, Language language);

// The whole window: the screen the model shows, over the full viewport.
void draw_app(KioskApp& app, UiState& state, const std::function<void(KioskForm&)>& submit);

}  // namespace civic::kiosk::ui
