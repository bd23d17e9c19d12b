// kiosk/model/printable_receipt.hpp — what the kiosk prints for a citizen after sending: the
// reference, the status code and when the server received it, with how to check the status.
// Nothing personal: the receipt holds no answer (civic/receipt.hpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "civic/forms.hpp"
#include "kiosk_form.hpp"

namespace civic::kiosk {

struct PrintableReceipt {
  std::string title;  // "Заявлението е подадено"
  std::vector<std::pair<std::string, std::string>> rows;  // label, value
  std::string note;                                       // how to check the status
};

// The printable receipt of a verified server receipt, in `language`.
PrintableReceipt printable_receipt(const forms::Json& receipt, Language language);

// As plain UTF-8 text, one row a line ("Номер: S-…"): what a system print command takes.
std::string to_text(const PrintableReceipt& printable);

// Prints a receipt. The native program hands it to the system's print command, the browser to
// window.print(); the answer says what happened, for the citizen.
class Printer {
 public:
  virtual ~Printer() = default;
  virtual Message print(const PrintableReceipt& printable) = 0;
};

}  // namespace civic::kiosk
