#include "fonts.hpp"

#include <imgui.h>

#include <fstream>

namespace civic::kiosk::ui {

bool load_fonts(const std::string& path, float pixels) {
  if (!std::ifstream(path).good()) return false;
  ImGuiIO& io = ImGui::GetIO();
  // Basic Latin + Latin-1, Cyrillic (with the Bulgarian ѝ), the punctuation the forms use
  // (№, –, „“), and the arrows and symbols of the kiosk's buttons (← → ⇧ ⌫ ☐ ☑).
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0400, 0x052F, 0x2010, 0x205E, 0x2116, 0x2116,
                                    0x2190, 0x21FF, 0x2300, 0x23FF, 0x2610, 0x2612, 0};
  ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), pixels, nullptr, kRanges);
  if (!font) return false;
  return io.Fonts->Build();
}

}  // namespace civic::kiosk::ui
