// kiosk/platform/screenshot.hpp — the window as a PNG (for the README and the Xvfb test).
#pragma once

#include <string>

namespace civic::kiosk {

// Reads the current OpenGL framebuffer (width × height, RGBA) and writes it to `path` as PNG
// (stb_image_write from Debian's libstb-dev). False when the file could not be written.
bool write_framebuffer_png(const std::string& path, int width, int height);

}  // namespace civic::kiosk
