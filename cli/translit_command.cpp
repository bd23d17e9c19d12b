#include <cstdio>
#include <string>

#include "civic/text.hpp"
#include "commands.hpp"

namespace civic::cli {

int translit_command(const Args& args) {
  constexpr const char* kUsage = "civic translit [--fold] TEXT";
  bool fold = false;
  const std::string* text = nullptr;
  for (const std::string& arg : args) {
    if (arg == "--fold" && !fold)
      fold = true;
    else if (!text)
      text = &arg;
    else
      return usage_error(kUsage);
  }
  if (!text) return usage_error(kUsage);
  const std::string out = fold ? fold_for_search(*text) : transliterate(*text);
  std::printf("%s\n", out.c_str());
  return 0;
}

}  // namespace civic::cli
