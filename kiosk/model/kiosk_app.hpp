// kiosk/model/kiosk_app.hpp — the whole program's state, without a window: which screen
// is up, the profile from the server, the operator's session and every screen's model.
// The UI (ui/) draws it and calls its methods; the platform mains feed it the clock.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "civic/date.hpp"
#include "civic/profile.hpp"
#include "idle_timer.hpp"
#include "kiosk_form.hpp"
#include "onscreen_keyboard.hpp"
#include "operator_login.hpp"
#include "printable_receipt.hpp"
#include "queue.hpp"
#include "register_preparation.hpp"
#include "server_client.hpp"
#include "submission_review.hpp"

namespace civic::kiosk {

enum class Mode { operator_console, self_service };
enum class Screen { connecting, login, queue, submission, register_preparation, kiosk_form };
// "connecting", "login", ... (the browser build marks the page with it, for tests).
const char* screen_name(Screen screen);

struct AppOptions {
  Mode mode = Mode::operator_console;
  Date today;                          // the date the rules are applied on
  double operator_idle_seconds = 600;  // then the operator is signed out
  double kiosk_idle_seconds = 120;     // then the citizen's answers are wiped
  std::string kiosk_form = "address_change";
};

class KioskApp {
 public:
  KioskApp(ServerClient& server, AppOptions options);

  // Fetches the profile bundle (GET /api/v1/profile); then login or the kiosk form.
  void start();
  // Every frame: `now` is monotonic seconds. Wipes or signs out after the idle timeout.
  void tick(double now);
  // Any input from the person in front of the screen.
  void touch(double now) { idle_.touch(now); }

  Screen screen() const { return screen_; }
  Mode mode() const { return options_.mode; }
  const AppOptions& options() const { return options_; }
  const Message& message() const { return message_; }
  const std::shared_ptr<const profile::Profile>& profile() const { return profile_; }

  // Operator console.
  void sign_in(const std::string& username, std::string& password);
  void sign_out();
  void open_submission(const std::string& submission_id);
  void decide(Decision decision, const std::string& reason);
  void show_queue() { screen_ = Screen::queue; }
  void show_register_preparation() { screen_ = Screen::register_preparation; }
  OperatorLogin& login() { return login_; }
  Queue& queue() { return queue_; }
  SubmissionReview& review() { return review_; }
  RegisterPreparation& register_preparation() { return register_; }

  // Self-service kiosk.
  KioskForm* kiosk_form() { return kiosk_form_ ? &*kiosk_form_ : nullptr; }
  Language language = Language::bg;
  KeyboardState keyboard;
  // Forgets the citizen: answers, receipt, language, keyboard.
  void wipe_kiosk();
  // The printer the receipt view prints on (the platform's; null: none). Not owned.
  void set_printer(Printer* printer) { printer_ = printer; }
  Printer* printer() const { return printer_; }

  // For tests and the screenshot tool: shows a screen whatever the state.
  void force_screen(Screen screen) { screen_ = screen; }
  // For tests: the profile as if fetched.
  void set_profile(std::shared_ptr<const profile::Profile> profile);

 private:
  ServerClient& server_;
  AppOptions options_;
  Screen screen_ = Screen::connecting;
  std::shared_ptr<const profile::Profile> profile_;
  OperatorLogin login_;
  Queue queue_;
  SubmissionReview review_;
  RegisterPreparation register_;
  std::optional<KioskForm> kiosk_form_;
  IdleTimer idle_;
  Message message_;
  Printer* printer_ = nullptr;
};

}  // namespace civic::kiosk
