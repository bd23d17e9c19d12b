#include <imgui.h>

#include <algorithm>

#include "screens.hpp"
#include "text.hpp"

namespace civic::kiosk::ui {
namespace {

// The parts of an address a citizen types at the kiosk (civic/address.hpp members).
constexpr const char* kAddressParts[][3] = {
    {"settlement", "Населено място (ЕКАТТЕ)", "Settlement (EKATTE)"},
    {"street", "Улица", "Street"},
    {"number", "Номер", "Number"},
    {"block", "Блок", "Block"},
    {"entrance", "Вход", "Entrance"},
    {"floor", "Етаж", "Floor"},
    {"apartment", "Апартамент", "Apartment"},
    {"postal_code", "Пощенски код", "Postal code"}};

const ImVec4 kError(0.85f, 0.15f, 0.15f, 1);
const ImVec4 kChosen(0.15f, 0.45f, 0.8f, 1);

bool big_button(const std::string& label, bool chosen) {
  if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, kChosen);
  const bool pressed = ImGui::Button(label.c_str(), ImVec2(-1, ImGui::GetFrameHeight() * 1.4f));
  if (chosen) ImGui::PopStyleColor();
  return pressed;
}

void text_field(KioskForm& form, const std::string& pointer, const std::string& label) {
  const std::string value = form.text(pointer);
  ImGui::TextUnformatted(label.c_str());
  const std::string shown = (value.empty() ? std::string(" ") : value) + "##" + pointer;
  if (big_button(shown, form.focus == pointer)) form.focus = pointer;
}

// The error about `pointer` or, for a repeat (whose items show their own), about it alone.
void show_error(const KioskForm& form, const std::string& pointer, bool repeat, Language language) {
  const Error* error = form.error(pointer);
  if (error && repeat && error->path != pointer) return;
  if (error && !form.answers().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kError);
    ImGui::TextWrapped("%s", tr(language, error->message).c_str());
    ImGui::PopStyleColor();
  }
}

void draw_field(KioskForm& form, const forms::Json& field, const std::string& parent,
                Language language);

// A repeat's items, each with its own fields and a Remove button, then Add while the
// definition allows another; the FormSession validates the items and their count.
void draw_items(KioskForm& form, const forms::Json& field, const std::string& pointer,
                const std::string& label, Language language) {
  ImGui::TextWrapped("%s", label.c_str());
  const size_t count = form.item_count(pointer);
  for (size_t i = 0; i < count; ++i) {
    const std::string item = pointer + "/" + std::to_string(i);
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::Text("%s %zu", label.c_str(), i + 1);
    for (const auto& child : field.value("fields", forms::Json::array()))
      draw_field(form, child, item, language);
    if (big_button(tr(language, "Премахни", "Remove"), false)) form.remove_item(pointer, i);
    ImGui::PopID();
  }
  const auto max_items = field.value("max_items", forms::Json());
  if (!max_items.is_number_integer() || count < max_items.get<size_t>()) {
    std::string add = tr(language, "+ Добави", "+ Add");
    add.append(" ").append(label);
    if (big_button(add, false)) form.add_item(pointer);
  }
}

void draw_field(KioskForm& form, const forms::Json& field, const std::string& parent,
                Language language) {
  const std::string id = field.value("id", "");
  const std::string pointer = parent + "/" + id;
  if (!form.visible(pointer)) return;
  const std::string type = field.value("type", "");
  const std::string label = localized(field.value("label", forms::Json()), language);
  ImGui::PushID(id.c_str());
  if (type == "choice" || type == "multi_choice") {
    ImGui::TextWrapped("%s", label.c_str());
    const forms::Json& current = form.value(pointer);
    for (const auto& option : field.value("options", forms::Json::array())) {
      const forms::Json value = option.value("value", forms::Json());
      bool chosen = current == value;
      if (current.is_array())
        chosen = std::find(current.begin(), current.end(), value) != current.end();
      if (big_button(
              localized(option.value("label", forms::Json()), language) + "##" + value.dump(),
              chosen)) {
        if (type == "choice") {
          form.set(pointer, value);
        } else {
          forms::Json list = current.is_array() ? current : forms::Json::array();
          if (chosen) {
            list.erase(std::remove(list.begin(), list.end(), value), list.end());
          } else {
            list.push_back(value);
          }
          form.set(pointer, list);
        }
      }
    }
  } else if (type == "consent") {
    const bool given = form.value(pointer) == true;
    if (big_button((given ? "☑ " : "☐ ") + label, given))
      form.set(pointer, given ? forms::Json() : forms::Json(true));
  } else if (type == "address") {
    ImGui::TextWrapped("%s", label.c_str());
    for (const auto& part : kAddressParts) {
      text_field(form, pointer + "/" + part[0], tr(language, part[1], part[2]));
    }
  } else if (type == "repeat") {
    draw_items(form, field, pointer, label, language);
  } else if (type == "file") {  // the kiosk has no scanner: documents are shown at the office
    ImGui::TextWrapped("%s: %s", label.c_str(),
                       tr(language, "тук не се прикачват файлове; покажете документите на гишето",
                          "files cannot be attached here; show the documents at the desk"));
  } else {
    text_field(form, pointer, label);
  }
  show_error(form, pointer, type == "repeat", language);
  ImGui::Spacing();
  ImGui::PopID();
}

// The receipt as it is printed (printable_receipt.hpp), a Print button and what printing did.
void draw_receipt(KioskApp& app, KioskForm& form) {
  const Language language = app.language;
  const PrintableReceipt printable = printable_receipt(*form.receipt(), language);
  ImGui::TextUnformatted(printable.title.c_str());
  ImGui::Separator();
  for (const auto& [label, value] : printable.rows)
    ImGui::Text("%s: %s", label.c_str(), value.c_str());
  ImGui::TextWrapped("%s", printable.note.c_str());
  if (big_button(tr(language, "Отпечатай разписката", "Print the receipt"), false)) {
    form.print_receipt(app.printer(), language);
  }
  if (!form.message().bg.empty()) ImGui::TextWrapped("%s", tr(language, form.message()).c_str());
  if (big_button(tr(language, "Готово — изчисти всичко", "Done — clear everything"), false)) {
    app.wipe_kiosk();
  }
}

void draw_language_bar(KioskApp& app) {
  const float width = ImGui::GetContentRegionAvail().x / 3;
  if (ImGui::Button("Български", ImVec2(width, 0))) app.language = Language::bg;
  ImGui::SameLine();
  if (ImGui::Button("English", ImVec2(width, 0))) app.language = Language::en;
  ImGui::SameLine();
  if (ImGui::Button(tr(app.language, "Започни отначало", "Start again"), ImVec2(-1, 0))) {
    app.wipe_kiosk();
  }
}

void draw_navigation(KioskApp& app, KioskForm& form,
                     const std::function<void(KioskForm&)>& submit) {
  const Language language = app.language;
  const float half = ImGui::GetContentRegionAvail().x / 2;
  if (ImGui::Button(tr(language, "← Назад", "← Back"), ImVec2(half, 0))) form.previous_step();
  ImGui::SameLine();
  if (!form.on_last_step()) {
    if (ImGui::Button(tr(language, "Напред →", "Next →"), ImVec2(-1, 0))) form.next_step();
    return;
  }
  if (ImGui::Button(tr(language, "Изпрати", "Send"), ImVec2(-1, 0)) && !form.sending()) {
    if (form.report().valid) submit(form);
  }
}

}  // namespace

void draw_kiosk(KioskApp& app, const std::function<void(KioskForm&)>& submit) {
  KioskForm* form = app.kiosk_form();
  const Language language = app.language;
  draw_language_bar(app);
  if (!form || !form->usable()) {
    ImGui::TextUnformatted(tr(language, "Услугата не е достъпна", "The service is not available"));
    return;
  }
  if (form->receipt()) return draw_receipt(app, *form);
  const auto& steps = form->definition().value("steps", forms::Json::array());
  if (form->step() >= steps.size()) return;
  const auto& step = steps[form->step()];
  ImGui::TextUnformatted(
      localized(form->definition().value("title", forms::Json()), language).c_str());
  ImGui::TextUnformatted(localized(step.value("title", forms::Json()), language).c_str());
  ImGui::Separator();
  const float keyboard_height = form->focus.empty() ? 0 : ImGui::GetFrameHeight() * 9.5f;
  const float bottom = keyboard_height + ImGui::GetFrameHeightWithSpacing() * 2.5f;
  if (ImGui::BeginChild("fields", ImVec2(0, -bottom))) {
    for (const auto& field : step.value("fields", forms::Json::array()))
      draw_field(*form, field, "", language);
  }
  ImGui::EndChild();
  if (!form->message().bg.empty())
    ImGui::TextColored(kError, "%s", tr(language, form->message()).c_str());
  draw_navigation(app, *form, submit);
  if (!form->focus.empty()) {
    std::string text = form->text(form->focus);
    if (draw_keyboard(text, app.keyboard, language)) {
      form->set(form->focus, text.empty() ? forms::Json() : forms::Json(text));
    }
  }
}

}  // namespace civic::kiosk::ui
