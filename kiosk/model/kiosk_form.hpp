// kiosk/model/kiosk_form.hpp — one citizen at the self-service kiosk filling in a form.
//
// The rules are the profile's: a civic::forms::FormSession re-validates every change, and
// the layout (steps, fields, labels, options) is read from the same form definition in the
// profile bundle that the web app reads. Sending seals the answers with the core
// (submission::seal, the municipality's public key from the bundle) and verifies the
// server's receipt. wipe() forgets everything the citizen typed; nothing is written to disk.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "civic/forms.hpp"
#include "civic/profile.hpp"
#include "server_client.hpp"

namespace civic::kiosk {

enum class Language { bg, en };

class Printer;  // printable_receipt.hpp

class KioskForm {
 public:
  using Seed = std::array<std::uint8_t, 32>;

  // Error profile.unknown_form when the profile has no `form_id`.
  KioskForm(std::shared_ptr<const profile::Profile> profile, std::string form_id, Date today);

  bool usable() const { return session_ != nullptr; }
  // The definition as the bundle has it (labels, options, help): for drawing only.
  const forms::Json& definition() const { return definition_; }
  const forms::Report& report() const { return session_->report(); }
  const forms::Json& answers() const { return session_->answers(); }

  // Sets the answer at `pointer` ("/name", "/new_address/street"); null removes it.
  void set(const std::string& pointer, forms::Json value);
  // The answer at `pointer`, or null.
  const forms::Json& value(const std::string& pointer) const;
  // The text answer at `pointer`, or "" (numbers and other values as JSON).
  std::string text(const std::string& pointer) const;

  // A repeat's items (the children of the address change): how many the answer at `pointer`
  // holds; add one (empty, at the end); remove item `index`. The FormSession validates each
  // item's fields ("/children/0/egn") and the item count (min_items, max_items).
  size_t item_count(const std::string& pointer) const;
  void add_item(const std::string& pointer);
  void remove_item(const std::string& pointer, size_t index);
  bool visible(const std::string& pointer) const;
  // The error about `pointer` (or under it), or null.
  const Error* error(const std::string& pointer) const;

  // Steps: indices into definition()["steps"], only the visible ones count.
  size_t step() const { return step_; }
  bool step_visible(size_t index) const;
  bool step_complete(size_t index) const;
  void next_step();
  void previous_step();
  bool on_last_step() const;

  // Seals and sends the answers; `created_at` is "YYYY-MM-DDTHH:MM:SSZ" (UTC), `seed` fresh
  // random bytes (the platform's CSPRNG; fixed in tests).
  void submit(ServerClient& server, const std::string& created_at, const Seed& seed);
  bool sending() const { return sending_; }
  // The verified receipt once the server accepted the submission.
  const std::optional<forms::Json>& receipt() const { return receipt_; }
  const Message& message() const { return message_; }

  // Prints the receipt on `printer` (null: this machine cannot print); what happened becomes
  // message(), in `language`.
  void print_receipt(Printer* printer, Language language);

  // Forgets every answer, the receipt and any message; back to the first step.
  void wipe();

  // The field the on-screen keyboard types into, and its typed text.
  std::string focus;

 private:
  std::shared_ptr<const profile::Profile> profile_;
  std::string form_id_;
  Date today_;
  forms::Json definition_;
  std::unique_ptr<forms::FormSession> session_;
  size_t step_ = 0;
  bool sending_ = false;
  std::optional<forms::Json> receipt_;
  Message message_;
};

// The text of a {"bg","en"} object in `language` (falling back to the other), or "".
std::string localized(const forms::Json& text, Language language);

}  // namespace civic::kiosk
