#include "kiosk_app.hpp"

#include "problem.hpp"

namespace civic::kiosk {

const char* screen_name(Screen screen) {
  switch (screen) {
    case Screen::connecting: return "connecting";
    case Screen::login: return "login";
    case Screen::queue: return "queue";
    case Screen::submission: return "submission";
    case Screen::register_preparation: return "register_preparation";
    case Screen::kiosk_form: return "kiosk_form";
  }
  return "";
}

KioskApp::KioskApp(ServerClient& server, AppOptions options)
    : server_(server),
      options_(std::move(options)),
      login_(server),
      queue_(server),
      review_(server),
      register_(server),
      idle_(options_.mode == Mode::self_service ? options_.kiosk_idle_seconds
                                                : options_.operator_idle_seconds) {}

void KioskApp::start() {
  server_.send(get_request("/api/v1/profile"), [this](const HttpResponse& response) {
    const auto bundle = profile::Json::parse(response.body, nullptr, false);
    if (response.status != 200 || bundle.is_discarded()) {
      message_ = problem_message(response);
      return;
    }
    auto loaded = profile::load(bundle);
    if (!loaded.profile) {
      message_ = {"Профилът на общината не може да бъде зареден",
                  "The municipality's profile could not be loaded"};
      return;
    }
    set_profile(std::move(loaded.profile));
  });
}

void KioskApp::set_profile(std::shared_ptr<const profile::Profile> profile) {
  profile_ = std::move(profile);
  message_ = {};
  if (options_.mode == Mode::self_service) {
    kiosk_form_.emplace(profile_, options_.kiosk_form, options_.today);
    screen_ = Screen::kiosk_form;
  } else {
    screen_ = Screen::login;
  }
}

void KioskApp::tick(double now) {
  if (!idle_.expired(now)) return;
  idle_.touch(now);
  if (options_.mode == Mode::self_service) {
    wipe_kiosk();
  } else if (login_.signed_in()) {
    sign_out();
  }
}

void KioskApp::wipe_kiosk() {
  if (kiosk_form_) kiosk_form_->wipe();
  language = Language::bg;
  keyboard = {};
  if (profile_) screen_ = Screen::kiosk_form;
}

void KioskApp::sign_in(const std::string& username, std::string& password) {
  login_.sign_in(username, password, [this] {
    screen_ = Screen::queue;
    queue_.reload(login_.account().token);
  });
}

void KioskApp::sign_out() {
  login_.sign_out();
  review_.close();
  queue_.set_rows({});
  register_.reset();
  screen_ = profile_ ? Screen::login : Screen::connecting;
}

void KioskApp::open_submission(const std::string& submission_id) {
  review_.open(login_.account().token, submission_id, profile_, options_.today);
  review_.load_audit(login_.account().token);
  screen_ = Screen::submission;
}

void KioskApp::decide(Decision decision, const std::string& reason) {
  const std::string id = review_.id();
  review_.decide(login_.account().token, decision, reason, [this, id](const std::string& status) {
    queue_.update_status(id, status);
    review_.load_audit(login_.account().token);
  });
}

}  // namespace civic::kiosk
