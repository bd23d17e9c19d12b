// kiosk/ui/fonts.hpp — the font with Cyrillic glyphs, loaded at start in both builds.
#pragma once

#include <string>

namespace civic::kiosk::ui {

// Loads the TrueType font at `path` (DejaVu Sans from fonts-dejavu-core) with the Latin and
// Cyrillic ranges at `pixels` size into the current ImGui context's atlas, and builds it.
// Returns false (and the atlas keeps ImGui's Latin-only font) when the file is missing:
// the caller must treat that as fatal, since Bulgarian text would be "?" boxes.
bool load_fonts(const std::string& path, float pixels);

}  // namespace civic::kiosk::ui
