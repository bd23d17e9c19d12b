// kiosk/platform/screen_driver.hpp — drives the app to one screen for a screenshot, as an
// operator or a citizen would (signing in, opening the oldest submission, typing a name),
// through the model only.
#pragma once

#include <string>

#include "kiosk_app.hpp"

namespace civic::kiosk {

struct DriverCredentials {
  std::string username;
  std::string password;
  std::string register_csv;  // the CSV shown on the register screen
  std::string district;
};

class ScreenDriver {
 public:
  ScreenDriver(KioskApp& app, std::string screen, DriverCredentials credentials);

  // Called once a frame. True once `screen` has been shown, filled, for a few frames.
  bool ready();
  // Why it is not ready yet (for the error when it never gets there).
  std::string waiting_for() const;

 private:
  bool reached();

  KioskApp& app_;
  std::string screen_;
  DriverCredentials credentials_;
  bool signed_in_requested_ = false;
  bool opened_ = false;
  bool filled_ = false;
  int settled_frames_ = 0;
};

}  // namespace civic::kiosk
