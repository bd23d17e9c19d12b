// kiosk/platform/command_printer.hpp — printing natively: the receipt as plain text in a
// private temporary file (mode 0600), handed to the system's print command (`lp` of CUPS by
// default: `--print-command`), which copies it into its spool; the file is deleted as soon as
// the command has finished, so nothing of the citizen's is left in the temporary folder.
#pragma once

#include <string>

#include "printable_receipt.hpp"

namespace civic::kiosk {

class CommandPrinter final : public Printer {
 public:
  explicit CommandPrinter(std::string command) : command_(std::move(command)) {}

  // Runs `command FILE` and waits for it: its exit status 0 is "sent to the printer".
  Message print(const PrintableReceipt& printable) override;

 private:
  std::string command_;
};

}  // namespace civic::kiosk
