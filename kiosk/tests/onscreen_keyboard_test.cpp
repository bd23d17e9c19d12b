#include "onscreen_keyboard.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace civic::kiosk {
namespace {

std::vector<std::string_view> keys_of(const KeyboardState& state) {
  std::vector<std::string_view> keys;
  for (const auto& row : keyboard_rows(state)) keys.insert(keys.end(), row.begin(), row.end());
  return keys;
}

// Each letter of `alphabet` (two UTF-8 bytes each) is a key of `state`'s layout.
void expect_every_letter(const std::string& alphabet, const KeyboardState& state) {
  const auto keys = keys_of(state);
  for (size_t i = 0; i < alphabet.size(); i += 2) {
    const std::string letter = alphabet.substr(i, 2);
    EXPECT_NE(std::find(keys.begin(), keys.end(), letter), keys.end()) << letter;
  }
}

TEST(OnscreenKeyboard, HasEveryBulgarianLetterInBothCases) {
  expect_every_letter("абвгдежзийклмнопрстуфхцчшщъьюя", {KeyboardLayout::cyrillic, false});
  expect_every_letter("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ", {KeyboardLayout::cyrillic, true});
  const auto latin = keys_of({KeyboardLayout::latin, false});
  for (const std::string_view key : {"q", "z", "m", "@", ".", "0", "-"}) {
    EXPECT_NE(std::find(latin.begin(), latin.end(), key), latin.end()) << key;
  }
}

TEST(OnscreenKeyboard, ShiftIsReleasedAfterOneLetter) {
  KeyboardState state{KeyboardLayout::cyrillic, true};
  std::string text;
  type_key(text, "Г", state);
  EXPECT_FALSE(state.shift);
  type_key(text, "е", state);
  EXPECT_EQ(text, "Ге");
}

TEST(OnscreenKeyboard, BackspaceRemovesAWholeCyrillicLetter) {
  std::string text = "Иван 5";
  erase_last_character(text);
  EXPECT_EQ(text, "Иван ");
  erase_last_character(text);
  erase_last_character(text);
  EXPECT_EQ(text, "Ива");
  text = "";
  erase_last_character(text);
  EXPECT_EQ(text, "");
}

}  // namespace
}  // namespace civic::kiosk
