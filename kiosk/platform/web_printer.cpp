#include "web_printer.hpp"

#include <emscripten.h>

#include "civic/forms.hpp"

namespace civic::kiosk {
namespace {

// Builds the printable receipt from its JSON ({title, rows: [[label, value]], note}) with
// textContent only (no markup from data), prints the page and removes it again.
EM_JS(void, print_in_page, (const char* json), {
  const receipt = JSON.parse(UTF8ToString(json));
  const sheet = document.createElement('section');
  sheet.id = 'print-receipt';
  const title = document.createElement('h1');
  title.textContent = receipt.title;
  const list = document.createElement('dl');
  receipt.rows.forEach(function(row) {
    const term = document.createElement('dt');
    term.textContent = row[0];
    const detail = document.createElement('dd');
    detail.textContent = row[1];
    list.append(term, detail);
  });
  const note = document.createElement('p');
  note.textContent = receipt.note;
  sheet.append(title, list, note);
  document.body.append(sheet);
  window.print();
  sheet.remove();
});

}  // namespace

Message WebPrinter::print(const PrintableReceipt& printable) {
  forms::Json rows = forms::Json::array();
  for (const auto& [label, value] : printable.rows) rows.push_back({label, value});
  const forms::Json receipt = {
      {"title", printable.title}, {"rows", std::move(rows)}, {"note", printable.note}};
  print_in_page(receipt.dump().c_str());
  return {"Отпечатано: вземете разписката от принтера",
          "Printed: take your receipt from the printer"};
}

}  // namespace civic::kiosk
