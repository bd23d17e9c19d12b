// kiosk/platform/web_printer.hpp — printing in the browser: the receipt written into the page
// as plain elements (#print-receipt, shown only in print by kiosk.css), window.print() (the
// browser's print dialog, or the kiosk printer a locked-down browser is set to), and the
// elements removed again as soon as the dialog returns.
#pragma once

#include "printable_receipt.hpp"

namespace civic::kiosk {

class WebPrinter final : public Printer {
 public:
  Message print(const PrintableReceipt& printable) override;
};

}  // namespace civic::kiosk
