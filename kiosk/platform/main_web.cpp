// civic-kiosk in the browser: Emscripten's GLFW on a WebGL 2 canvas, served by civic-server
// at /kiosk/ (the self-service kiosk at /kiosk/?mode=kiosk). The same model and screens as
// the native program; the server is the page's own origin, reached with Emscripten's fetch.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <memory>

#include "clock.hpp"
#include "fonts.hpp"
#include "screens.hpp"
#include "web_printer.hpp"

namespace civic::kiosk {
namespace {

// True when the page's query asks for the self-service kiosk (?mode=kiosk).
// (JavaScript's == here: clang-format would split a === into "== =".)
EM_JS(int, page_wants_kiosk, (),
      { return new URLSearchParams(location.search).get('mode') == 'kiosk' ? 1 : 0; });
EM_JS(int, page_width, (), { return window.innerWidth; });
EM_JS(int, page_height, (), { return window.innerHeight; });
// Marks <body data-screen="..."> with the screen shown (tests wait for it).
EM_JS(void, mark_page_screen, (const char* name),
      { document.body.dataset.screen = UTF8ToString(name); });
// Marks <body data-text-input="true"> while a text field has the keyboard (tests wait for it
// before they type).
EM_JS(void, mark_page_text_input, (int typing),
      { document.body.dataset.textInput = typing ? 'true' : 'false'; });
EM_JS(void, show_page_error, (const char* text),
      { document.getElementById('status').textContent = UTF8ToString(text); });

struct Web {
  GLFWwindow* window = nullptr;
  std::unique_ptr<ServerClient> server;
  std::unique_ptr<KioskApp> app;
  WebPrinter printer;
  ui::UiState state;
};

void frame(void* arg) {
  Web& web = *static_cast<Web*>(arg);
  const int width = page_width();
  const int height = page_height();
  int current_width = 0;
  int current_height = 0;
  glfwGetWindowSize(web.window, &current_width, &current_height);
  if (width != current_width || height != current_height)
    glfwSetWindowSize(web.window, width, height);
  glfwPollEvents();
  const double now = monotonic_seconds();
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseDown[0] ||
      io.InputQueueCharacters.Size > 0) {
    web.app->touch(now);
  }
  web.app->tick(now);
  mark_page_screen(screen_name(web.app->screen()));
  mark_page_text_input(io.WantTextInput ? 1 : 0);
  web.state.now_utc = utc_now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ui::draw_app(*web.app, web.state,
               [&web](KioskForm& form) { form.submit(*web.server, utc_now(), random_seed()); });
  ImGui::Render();
  int fb_width = 0;
  int fb_height = 0;
  glfwGetFramebufferSize(web.window, &fb_width, &fb_height);
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(0.1f, 0.1f, 0.12f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace
}  // namespace civic::kiosk

int main() {
  using namespace civic::kiosk;
  static Web web;
  const bool kiosk = page_wants_kiosk() != 0;
  if (!glfwInit()) {
    show_page_error("WebGL 2 is not available in this browser");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  web.window = glfwCreateWindow(page_width(), page_height(), "civic-kiosk", nullptr, nullptr);
  if (!web.window) {
    show_page_error("WebGL 2 is not available in this browser");
    return 1;
  }
  glfwMakeContextCurrent(web.window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // nothing stored in the browser
  if (!ui::load_fonts(CIVIC_KIOSK_FONT, kiosk ? 30.0f : 18.0f)) {
    show_page_error("The Cyrillic font did not load");
    return 1;
  }
  if (kiosk) ImGui::GetStyle().ScaleAllSizes(1.6f);
  ImGui_ImplGlfw_InitForOpenGL(web.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  web.server = make_server_client("");
  AppOptions options;
  options.mode = kiosk ? Mode::self_service : Mode::operator_console;
  options.today = utc_today();
  web.app = std::make_unique<KioskApp>(*web.server, options);
  web.app->set_printer(&web.printer);
  web.app->start();
  show_page_error("");
  emscripten_set_main_loop_arg(frame, &web, 0, true);
  return 0;
}
