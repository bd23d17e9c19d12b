#include "kiosk_form.hpp"

#include "civic/envelope.hpp"
#include "civic/receipt.hpp"
#include "civic/rng.hpp"
#include "civic/submission.hpp"
#include "printable_receipt.hpp"
#include "problem.hpp"

namespace civic::kiosk {
namespace {

bool under(const std::string& path, const std::string& pointer) {
  return path == pointer ||
         (path.size() > pointer.size() && path.starts_with(pointer) && path[pointer.size()] == '/');
}

}  // namespace

std::string localized(const forms::Json& text, Language language) {
  if (text.is_string()) return text.get<std::string>();
  if (!text.is_object()) return "";
  const char* first = language == Language::bg ? "bg" : "en";
  const char* second = language == Language::bg ? "en" : "bg";
  const std::string wanted = text.value(first, "");
  return wanted.empty() ? text.value(second, "") : wanted;
}

KioskForm::KioskForm(std::shared_ptr<const profile::Profile> profile, std::string form_id,
                     Date today)
    : profile_(std::move(profile)), form_id_(std::move(form_id)), today_(today) {
  for (const auto& form : profile_->bundle().value("forms", forms::Json::array())) {
    if (form.value("id", "") == form_id_) definition_ = form;
  }
  wipe();
}

void KioskForm::wipe() {
  const auto form = profile_->form(form_id_);
  session_ = form ? std::make_unique<forms::FormSession>(form, profile_->context(today_)) : nullptr;
  if (session_) session_->set_answers(forms::Json::object());
  step_ = 0;
  sending_ = false;
  receipt_.reset();
  message_ = {};
  focus.clear();
}

void KioskForm::set(const std::string& pointer, forms::Json value) {
  (void)session_->set_answer(pointer, std::move(value));
}

const forms::Json& KioskForm::value(const std::string& pointer) const {
  static const forms::Json kNone;
  const auto& answers = session_->answers();
  const forms::Json::json_pointer where(pointer);
  return answers.contains(where) ? answers.at(where) : kNone;
}

std::string KioskForm::text(const std::string& pointer) const {
  const auto& answer = value(pointer);
  if (answer.is_null()) return "";
  return answer.is_string() ? answer.get<std::string>() : answer.dump();
}

size_t KioskForm::item_count(const std::string& pointer) const {
  const auto& items = value(pointer);
  return items.is_array() ? items.size() : 0;
}

void KioskForm::add_item(const std::string& pointer) {
  if (value(pointer).is_array()) {
    set(pointer + "/-", forms::Json::object());
  } else {
    set(pointer, forms::Json::array({forms::Json::object()}));
  }
}

void KioskForm::remove_item(const std::string& pointer, size_t index) {
  if (index >= item_count(pointer)) return;
  set(pointer + "/" + std::to_string(index), forms::Json());
  if (item_count(pointer) == 0) set(pointer, forms::Json());
  if (focus.starts_with(pointer + "/")) focus.clear();
}

bool KioskForm::visible(const std::string& pointer) const {
  for (const auto& shown : report().visible) {
    if (shown == pointer) return true;
  }
  return false;
}

const Error* KioskForm::error(const std::string& pointer) const {
  for (const auto& error : report().errors) {
    if (under(error.path, pointer)) return &error;
  }
  return nullptr;
}

bool KioskForm::step_visible(size_t index) const {
  const auto& steps = report().steps;
  return index < steps.size() && steps[index].visible;
}

bool KioskForm::step_complete(size_t index) const {
  const auto& steps = report().steps;
  return index < steps.size() && steps[index].complete;
}

void KioskForm::next_step() {
  for (size_t i = step_ + 1; i < report().steps.size(); ++i) {
    if (step_visible(i)) {
      step_ = i;
      return;
    }
  }
}

void KioskForm::previous_step() {
  for (size_t i = step_; i-- > 0;) {
    if (step_visible(i)) {
      step_ = i;
      return;
    }
  }
}

bool KioskForm::on_last_step() const {
  for (size_t i = step_ + 1; i < report().steps.size(); ++i) {
    if (step_visible(i)) return false;
  }
  return true;
}

void KioskForm::submit(ServerClient& server, const std::string& created_at, const Seed& seed) {
  const auto keys = profile_->bundle().value("keys", forms::Json::object());
  const auto recipient = envelope::parse_public_key(keys.value("envelope", ""));
  if (!recipient) {
    message_ = {"Профилът няма ключ за запечатване", "The profile has no sealing key"};
    return;
  }
  SeededRng rng(seed);
  auto sealed = submission::seal(*profile_, form_id_, session_->answers(),
                                 {.today = today_, .created_at = created_at}, *recipient, rng);
  if (!sealed) {
    message_ = sealed.error().message;
    return;
  }
  HttpRequest request = post_request("/api/v1/submissions", sealed->dump());
  request.idempotency_key = sealed->value("idempotency_id", "");
  // The kiosk is for citizens without an e-signature: they sign by hand at the desk.
  request.signature_request = "at-desk";
  sending_ = true;
  server.send(std::move(request), [this, keys](const HttpResponse& response) {
    sending_ = false;
    const auto body = forms::Json::parse(response.body, nullptr, false);
    if ((response.status != 201 && response.status != 200) || !body.is_object()) {
      message_ = problem_message(response);
      return;
    }
    const auto receipt = body.value("receipt", forms::Json());
    const auto key = receipt::parse_public_key(keys.value("receipt", ""));
    if (!key || !receipt::verify(receipt, *key)) {
      message_ = {"Разписката не може да бъде проверена; обърнете се към служител",
                  "The receipt could not be verified; please ask a member of staff"};
      return;
    }
    receipt_ = receipt;
  });
}

void KioskForm::print_receipt(Printer* printer, Language language) {
  if (!receipt_) return;
  if (printer == nullptr) {
    message_ = {"Тук няма принтер: запишете номера и кода",
                "There is no printer here: write down the reference and the code"};
    return;
  }
  message_ = printer->print(printable_receipt(*receipt_, language));
}

}  // namespace civic::kiosk
