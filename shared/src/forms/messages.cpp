#include "messages.hpp"

#include <array>

#include "../text/utf8.hpp"

namespace civic::forms {

namespace {

bool is_upper(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F); }

// "Date of birth" → "date of birth" for use mid-sentence; acronyms ("EGN of ...") stay.
std::string lower_first(std::string_view text) {
  std::size_t pos = 0;
  const char32_t first = utf8::next(text, pos);
  std::size_t after = pos;
  const char32_t second = pos < text.size() ? utf8::next(text, after) : 0;
  if (!is_upper(first) || is_upper(second)) return std::string(text);
  std::string out;
  utf8::append(out, first + 0x20);
  out.append(text.substr(pos));
  return out;
}

struct Template {
  std::string_view code;
  std::string_view bg;  // {Name} at the start, {name} inside, {limit}
  std::string_view en;
};

constexpr std::array<Template, 23> kTemplates = {{
    {"form.wrong_type", "Въведете отново {name}", "Enter {name} again"},
    {"form.too_long", "{Name} трябва да е най-много {limit} знака",
     "{Name} must be {limit} characters or fewer"},
    {"form.too_short", "{Name} трябва да е поне {limit} знака",
     "{Name} must be {limit} characters or more"},
    {"form.not_a_number", "{Name} трябва да е число", "{Name} must be a number"},
    {"form.not_whole", "{Name} трябва да е цяло число", "{Name} must be a whole number"},
    {"form.too_small", "{Name} трябва да е {limit} или повече", "{Name} must be {limit} or more"},
    {"form.too_large", "{Name} трябва да е {limit} или по-малко", "{Name} must be {limit} or less"},
    {"form.date_format", "{Name} трябва да е дата, например 2007-03-27",
     "{Name} must be a date, like 2007-03-27"},
    {"form.date_not_real", "{Name} трябва да е истинска дата", "{Name} must be a real date"},
    {"form.too_early", "{Name} трябва да е {limit} или по-късно",
     "{Name} must be the same as or after {limit}"},
    {"form.too_late", "{Name} трябва да е {limit} или по-рано",
     "{Name} must be the same as or before {limit}"},
    {"form.not_an_option", "Изберете {name} от списъка", "Select {name} from the list"},
    {"form.too_few", "Посочете поне {limit} за {name}", "Give at least {limit} for {name}"},
    {"form.too_many", "Посочете най-много {limit} за {name}",
     "Give no more than {limit} for {name}"},
    {"form.phone_format", "Въведете телефонен номер, например 0888 123 456 или +359 888 123 456",
     "Enter a telephone number, like 0888 123 456 or +359 888 123 456"},
    {"form.email_format", "Въведете имейл адрес в правилния вид, например name@example.com",
     "Enter an email address in the correct format, like name@example.com"},
    {"form.address_settlement_missing", "Въведете населеното място", "Enter the town or village"},
    {"form.address_street_or_block_missing", "Въведете улица и номер или блок",
     "Enter a street and number, or a block"},
    {"form.rule_error", "{Name} не може да се провери в момента",
     "{Name} cannot be checked at the moment"},
    {"form.file_type", "Файлът за {name} трябва да е {limit}",
     "The file for {name} must be a {limit}"},
    {"form.file_too_large", "Файлът за {name} трябва да е до {limit}",
     "The file for {name} must be {limit} or smaller"},
    {"form.file_empty", "Избраният файл за {name} е празен",
     "The selected file for {name} is empty"},
    {"form.file_duplicate", "Този файл вече е прикачен към {name}",
     "This file is already attached to {name}"},
}};

// form.missing depends on how the field is answered.
Template missing_template(FieldType type) {
  switch (type) {
    case FieldType::choice:
    case FieldType::multi_choice: return {"", "Изберете {name}", "Select {name}"};
    case FieldType::consent:
      return {"", "Отбележете, за да потвърдите: {name}", "Tick the box to confirm: {name}"};
    case FieldType::repeat: return {"", "Добавете {name}", "Add {name}"};
    case FieldType::file: return {"", "Прикачете {name}", "Upload {name}"};
    default: return {"", "Въведете {name}", "Enter {name}"};
  }
}

std::string fill(std::string_view pattern, const std::string& name, const std::string& limit) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i, 6) == "{Name}") {
      out += name;
      i += 6;
    } else if (pattern.substr(i, 6) == "{name}") {
      out += lower_first(name);
      i += 6;
    } else if (pattern.substr(i, 7) == "{limit}") {
      out += limit;
      i += 7;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

}  // namespace

Error field_error(const Field& field, std::string_view code, std::string path,
                  std::string_view state, const std::string& limit_bg,
                  const std::string& limit_en) {
  Error error{std::string(code), std::move(path), {}, Json::object()};
  const auto custom = field.messages.find(state);
  if (custom != field.messages.end()) {
    error.message = custom->second;
  } else {
    Template chosen = missing_template(field.type);
    for (const Template& candidate : kTemplates) {
      if (candidate.code == code) chosen = candidate;
    }
    error.message = {fill(chosen.bg, field.name.bg, limit_bg),
                     fill(chosen.en, field.name.en, limit_en)};
  }
  error.params["field"] = field.id;
  return error;
}

Message human_date(Date date) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const std::string year = zero_padded(date.year % 10000, 4);
  return {zero_padded(date.day % 100, 2) + '.' + zero_padded(date.month % 100, 2) + '.' + year,
          std::to_string(date.day % 100) + ' ' +
              kMonths[static_cast<std::size_t>((date.month + 11) % 12)] + ' ' + year};
}

Message human_size(std::int64_t bytes) {
  constexpr std::int64_t kKib = 1024, kMib = 1024 * 1024;
  if (bytes < kKib) {
    const std::string count = std::to_string(bytes);
    return {std::string(count).append(" байта"), std::string(count).append(" bytes")};
  }
  const bool mebibytes = bytes >= kMib;
  const std::int64_t tenths = bytes * 10 / (mebibytes ? kMib : kKib);  // rounded down
  std::string bg = std::to_string(tenths / 10), en = bg;
  if (tenths % 10 != 0) {
    const std::string tenth = std::to_string(tenths % 10);
    bg.append(",").append(tenth);
    en.append(".").append(tenth);
  }
  return {bg.append(mebibytes ? " МБ" : " КБ"), en.append(mebibytes ? " MB" : " KB")};
}

Message media_type_names(const std::vector<std::string>& media_types) {
  const auto short_name = [](const std::string& type) {
    if (type == "application/pdf") return std::string("PDF");
    if (type == "image/jpeg") return std::string("JPEG");
    std::string name = type.substr(type.find('/') + 1);
    for (char& c : name) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    return name;
  };
  Message out;
  for (std::size_t i = 0; i < media_types.size(); ++i) {
    const bool last = i + 1 == media_types.size() && i > 0;
    const std::string name = short_name(media_types[i]);
    out.bg.append(i == 0 ? "" : last ? " или " : ", ").append(name);
    out.en.append(i == 0 ? "" : last ? " or " : ", ").append(name);
  }
  return out;
}

Error needs_review(std::int64_t from_version, std::int64_t to_version) {
  return Error{"form.needs_review",
               "",
               {"Заявлението е започнато по друга версия на формуляра. Проверете отговорите си",
                "This application was started on another version of the form. Check your answers"},
               {{"from_version", from_version}, {"to_version", to_version}}};
}

}  // namespace civic::forms
