// kiosk/model/onscreen_keyboard.hpp — the touch keyboard of the self-service kiosk:
// Bulgarian (phonetic layout, as on Bulgarian keyboards) and Latin, digits and the signs
// an address, an e-mail or a date needs. The keys are UTF-8 text; the UI draws them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace civic::kiosk {

enum class KeyboardLayout { cyrillic, latin };

struct KeyboardState {
  KeyboardLayout layout = KeyboardLayout::cyrillic;
  bool shift = false;
};

// The letter rows of the layout (lower or upper case), then the digit-and-sign row.
std::vector<std::vector<std::string_view>> keyboard_rows(const KeyboardState& state);

// Removes the last character (a whole UTF-8 sequence) of `text`.
void erase_last_character(std::string& text);

// Types `key` into `text`; a one-shot shift is released after one letter.
void type_key(std::string& text, std::string_view key, KeyboardState& state);

}  // namespace civic::kiosk
