#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb/stb_image_write.h>

#include <vector>

namespace civic::kiosk {

bool write_framebuffer_png(const std::string& path, int width, int height) {
  const auto w = static_cast<size_t>(width);
  const auto h = static_cast<size_t>(height);
  std::vector<unsigned char> pixels(w * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);  // OpenGL's rows start at the bottom
  return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) != 0;
}

}  // namespace civic::kiosk
