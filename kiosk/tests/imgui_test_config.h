// kiosk/tests/imgui_test_config.h — Dear ImGui's user config for the headless test: an
// ImGui assertion throws instead of aborting, so the test reports it as a failure with the
// expression and where it fired.
#pragma once

#define IM_ASSERT(expr) \
  ((expr) ? (void)0 : civic_kiosk_imgui_assertion_failed(#expr, __FILE__, __LINE__))

[[noreturn]] void civic_kiosk_imgui_assertion_failed(const char* expression, const char* file,
                                                     int line);
