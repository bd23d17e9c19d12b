#include "printable_receipt.hpp"

namespace civic::kiosk {
namespace {

const char* in(Language language, const char* bg, const char* en) {
  return language == Language::bg ? bg : en;
}

}  // namespace

PrintableReceipt printable_receipt(const forms::Json& receipt, Language language) {
  PrintableReceipt out;
  out.title = in(language, "Заявлението е подадено", "Your declaration has been sent");
  out.rows = {
      {in(language, "Номер", "Reference"), receipt.value("submission_id", "")},
      {in(language, "Код за проверка", "Status code"), receipt.value("status_token", "")},
      {in(language, "Получено", "Received"), receipt.value("received_at", "")},
  };
  out.note = in(language,
                "Проверете статуса на заявлението с номера и кода в „Проверка на статус“ на "
                "сайта на общината. Пазете кода: с него всеки може да види статуса.",
                "Check the status of your declaration with the reference and the code under "
                "\"Check a status\" on the municipality's website. Keep the code: anyone who "
                "has it can see the status.");
  return out;
}

std::string to_text(const PrintableReceipt& printable) {
  std::string text = printable.title + "\n\n";
  for (const auto& [label, value] : printable.rows)
    text.append(label).append(": ").append(value) += '\n';
  return text.append("\n").append(printable.note) += '\n';
}

}  // namespace civic::kiosk
