#include "screen_driver.hpp"

namespace civic::kiosk {
namespace {

constexpr int kFramesToSettle = 3;  // ImGui sizes windows and tables over the first frames

}  // namespace

ScreenDriver::ScreenDriver(KioskApp& app, std::string screen, DriverCredentials credentials)
    : app_(app), screen_(std::move(screen)), credentials_(std::move(credentials)) {}

bool ScreenDriver::ready() {
  if (!reached()) {
    settled_frames_ = 0;
    return false;
  }
  return ++settled_frames_ > kFramesToSettle;
}

bool ScreenDriver::reached() {
  if (screen_ == "kiosk") {
    KioskForm* form = app_.kiosk_form();
    if (app_.screen() != Screen::kiosk_form || !form || !form->usable()) return false;
    if (!filled_) {
      form->set("/address_kind", "permanent");
      form->set("/role", "owner");
      form->next_step();
      form->set("/id_type", "egn");
      form->set("/name", "Георги Петров");
      form->focus = "/name";
      filled_ = true;
    }
    return true;
  }
  if (screen_ == "login") return app_.screen() == Screen::login;
  if (app_.screen() == Screen::login && !signed_in_requested_) {
    signed_in_requested_ = true;
    std::string password = credentials_.password;
    app_.sign_in(credentials_.username, password);
  }
  Queue& queue = app_.queue();
  if (app_.screen() == Screen::queue && !queue.loading() && queue.total() > 0) {
    if (screen_ == "queue") return true;
    if (screen_ == "submission" && !opened_) {
      opened_ = true;
      app_.open_submission(queue.visible(0).submission_id);
    }
    if (screen_ == "register") {
      app_.register_preparation().load(credentials_.district, credentials_.register_csv);
      app_.show_register_preparation();
    }
  }
  if (screen_ == "submission") {
    const SubmissionReview& review = app_.review();
    return review.is_open() && review.chain().kind != ChainState::Kind::unknown;
  }
  return screen_ == "register" && app_.screen() == Screen::register_preparation;
}

std::string ScreenDriver::waiting_for() const {
  if (!app_.message().en.empty()) return app_.message().en;
  if (!app_.login().message().en.empty()) return "sign-in: " + app_.login().message().en;
  if (!app_.queue().message().en.empty()) return "queue: " + app_.queue().message().en;
  if (!app_.review().message().en.empty()) return "submission: " + app_.review().message().en;
  return "screen " + screen_ + " (an empty queue?)";
}

}  // namespace civic::kiosk
