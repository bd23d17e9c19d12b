#include "onscreen_keyboard.hpp"

namespace civic::kiosk {
namespace {

using Rows = std::vector<std::vector<std::string_view>>;

const Rows kCyrillicLower = {{"я", "в", "е", "р", "т", "ъ", "у", "и", "о", "п", "ш", "щ"},
                             {"а", "с", "д", "ф", "г", "х", "й", "к", "л", "ю", "ч"},
                             {"з", "ь", "ц", "ж", "б", "н", "м"}};
const Rows kCyrillicUpper = {{"Я", "В", "Е", "Р", "Т", "Ъ", "У", "И", "О", "П", "Ш", "Щ"},
                             {"А", "С", "Д", "Ф", "Г", "Х", "Й", "К", "Л", "Ю", "Ч"},
                             {"З", "Ь", "Ц", "Ж", "Б", "Н", "М"}};
const Rows kLatinLower = {{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
                          {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
                          {"z", "x", "c", "v", "b", "n", "m"}};
const Rows kLatinUpper = {{"Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"},
                          {"A", "S", "D", "F", "G", "H", "J", "K", "L"},
                          {"Z", "X", "C", "V", "B", "N", "M"}};
const std::vector<std::string_view> kDigits = {"1", "2", "3", "4", "5", "6", "7",
                                               "8", "9", "0", "-", ".", ",", "@"};

}  // namespace

std::vector<std::vector<std::string_view>> keyboard_rows(const KeyboardState& state) {
  const bool cyrillic = state.layout == KeyboardLayout::cyrillic;
  Rows rows = cyrillic ? (state.shift ? kCyrillicUpper : kCyrillicLower)
                       : (state.shift ? kLatinUpper : kLatinLower);
  rows.push_back(kDigits);
  return rows;
}

void erase_last_character(std::string& text) {
  while (!text.empty()) {
    const auto byte = static_cast<unsigned char>(text.back());
    text.pop_back();
    if ((byte & 0xC0) != 0x80) return;  // not a continuation byte: a whole character is gone
  }
}

void type_key(std::string& text, std::string_view key, KeyboardState& state) {
  text += key;
  state.shift = false;
}

}  // namespace civic::kiosk
