// civic-kiosk: the operator console and the self-service kiosk on a desk machine
// (GLFW + OpenGL 3). Usage: platform/options.hpp.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "clock.hpp"
#include "command_printer.hpp"
#include "fonts.hpp"
#include "options.hpp"
#include "screen_driver.hpp"
#include "screens.hpp"
#include "screenshot.hpp"

namespace civic::kiosk {
namespace {

constexpr int kScreenshotFrameLimit = 600;  // frames to reach the screen (no wall clock)
constexpr int kBenchFrames = 300;

const char* env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::vector<QueueRow> made_up_rows(int count) {
  std::vector<QueueRow> rows;
  const char* statuses[] = {"received", "needs_correction", "approved", "rejected"};
  for (int i = 0; i < count; ++i) {
    char received[32];
    char id[16];
    char district[16];
    std::snprintf(received, sizeof received, "2026-%02d-%02dT%02d:%02d:00Z", 1 + i % 11, 1 + i % 28,
                  i % 24, i % 60);
    std::snprintf(id, sizeof id, "S%06d", i);
    std::snprintf(district, sizeof district, "68134-%02d", 1 + i % 24);
    rows.push_back({id, i % 3 ? "address_change" : "pb_proposal", district, statuses[i % 4],
                    received, received});
  }
  return rows;
}

void print_frame_times(std::vector<double> times, int rows) {
  std::sort(times.begin(), times.end());
  double total = 0;
  for (double t : times) total += t;
  std::printf("queue of %d rows, %zu frames: mean %.3f ms, median %.3f ms, p95 %.3f ms\n", rows,
              times.size(), total / static_cast<double>(times.size()) * 1000,
              times[times.size() / 2] * 1000, times[times.size() * 95 / 100] * 1000);
}

int run(const NativeOptions& options) {
  if (!glfwInit()) {
    std::fprintf(stderr, "civic-kiosk: no display (GLFW could not start; is DISPLAY set?)\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWmonitor* monitor =
      options.kiosk && options.screenshot.empty() ? glfwGetPrimaryMonitor() : nullptr;
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, "civic-kiosk", monitor, nullptr);
  if (!window) {
    std::fprintf(stderr, "civic-kiosk: no OpenGL 3 window could be opened\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(options.bench_rows > 0 ? 0 : 1);

  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // nothing written to disk
  const float font_pixels = options.kiosk ? 30.0f : 18.0f;
  if (!ui::load_fonts(CIVIC_KIOSK_FONT, font_pixels)) {
    std::fprintf(stderr, "civic-kiosk: the Cyrillic font %s is missing (fonts-dejavu-core)\n",
                 CIVIC_KIOSK_FONT);
    return 1;
  }
  if (options.kiosk) ImGui::GetStyle().ScaleAllSizes(1.6f);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  auto server = make_server_client(options.server);
  AppOptions app_options;
  app_options.mode = options.kiosk ? Mode::self_service : Mode::operator_console;
  app_options.today = options.today;
  KioskApp app(*server, app_options);
  CommandPrinter printer(options.print_command);
  app.set_printer(&printer);
  app.start();
  ui::UiState state;
  ScreenDriver driver(
      app, options.screen,
      {env_or_empty("CIVIC_KIOSK_USER"), env_or_empty("CIVIC_KIOSK_PASSWORD"),
       env_or_empty("CIVIC_KIOSK_REGISTER_CSV"), env_or_empty("CIVIC_KIOSK_DISTRICT")});
  if (options.bench_rows > 0) {
    app.queue().set_rows(made_up_rows(options.bench_rows));
    app.force_screen(Screen::queue);
  }
  std::vector<double> frame_times;
  int status = 0;
  for (int frame = 0; !glfwWindowShouldClose(window); ++frame) {
    const double started = monotonic_seconds();
    glfwPollEvents();
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseDown[0] ||
        io.InputQueueCharacters.Size > 0) {
      app.touch(started);
    }
    app.tick(started);
    state.now_utc = utc_now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui::draw_app(app, state,
                 [&](KioskForm& form) { form.submit(*server, utc_now(), random_seed()); });
    ImGui::Render();
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.1f, 0.1f, 0.12f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!options.screenshot.empty() && driver.ready()) {
      if (!write_framebuffer_png(options.screenshot, width, height)) {
        std::fprintf(stderr, "civic-kiosk: could not write %s\n", options.screenshot.c_str());
        status = 1;
      }
      break;
    }
    if (!options.screenshot.empty() && frame >= kScreenshotFrameLimit) {
      std::fprintf(stderr, "civic-kiosk: never reached the screen: %s\n",
                   driver.waiting_for().c_str());
      status = 1;
      break;
    }
    glfwSwapBuffers(window);
    if (options.bench_rows > 0) {
      glFinish();
      frame_times.push_back(monotonic_seconds() - started);
      if (static_cast<int>(frame_times.size()) == kBenchFrames) break;
    }
  }
  if (options.bench_rows > 0) print_frame_times(frame_times, options.bench_rows);
  app.sign_out();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

}  // namespace
}  // namespace civic::kiosk

int main(int argc, char** argv) {
  auto options = civic::kiosk::parse_options(argc, argv, civic::kiosk::utc_today());
  if (!options) {
    std::fprintf(stderr, "civic-kiosk: %s\n", options.error().message.en.c_str());
    return 2;
  }
  return civic::kiosk::run(*options);
}
