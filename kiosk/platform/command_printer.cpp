#include "command_printer.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

extern char** environ;

namespace civic::kiosk {
namespace {

const Message kNotPrinted = {
    "Отпечатването не успя: запишете номера и кода или се обърнете към служител",
    "Printing did not work: write down the reference and the code, or ask a member of staff"};

// Writes `text` to a new file only this user can read; its path, or "" when it failed.
std::string private_file(const std::string& text) {
  std::string path =
      (std::filesystem::temp_directory_path() / "civic-kiosk-receipt-XXXXXX").string();
  const int fd = mkstemp(path.data());  // created with mode 0600
  if (fd < 0) return "";
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  close(fd);
  if (written == text.size()) return path;
  unlink(path.c_str());
  return "";
}

// Runs `command path`, waits, and answers whether it exited with 0.
bool run(const std::string& command, const std::string& path) {
  std::string program = command;
  std::string file = path;
  char* argv[] = {program.data(), file.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv, environ) != 0) return false;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return false;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

Message CommandPrinter::print(const PrintableReceipt& printable) {
  const std::string path = private_file(to_text(printable));
  if (path.empty()) return kNotPrinted;
  const bool printed = run(command_, path);
  unlink(path.c_str());
  if (!printed) return kNotPrinted;
  return {"Изпратено към принтера: вземете разписката си от него",
          "Sent to the printer: take your receipt from it"};
}

}  // namespace civic::kiosk
