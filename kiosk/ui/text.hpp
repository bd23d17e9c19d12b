// kiosk/ui/text.hpp — choosing the Bulgarian or English text, and the keys the screens use.
#pragma once

#include <string>

#include "civic/result.hpp"
#include "kiosk_form.hpp"

namespace civic::kiosk::ui {

const char* tr(Language language, const char* bg, const char* en);
const std::string& tr(Language language, const Message& message);

// A titled separator between parts of a screen.
void section(const char* title);

// Shortcut keys: GLFW's key codes (natively and in Emscripten's GLFW), which are ASCII for
// letters; the headless test presses them the same way.
inline constexpr int kKeyEnter = 257;
inline constexpr int kKeyEscape = 256;
inline constexpr int kKeyUp = 265;
inline constexpr int kKeyDown = 264;
inline constexpr int kKeyF5 = 294;
bool key_pressed(int key);
// Alt + letter ('A'), when no text field is being typed into.
bool alt_letter_pressed(char letter);

}  // namespace civic::kiosk::ui
