// The receipt the kiosk prints: what it says, and the Print button's outcomes (a printer that
// works, one that fails, none at all); natively, the print command gets a private file that is
// gone once it has finished.
#include "printable_receipt.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "civic/receipt.hpp"
#include "civic/reference.hpp"
#include "civic/rng.hpp"
#include "command_printer.hpp"
#include "fake_server.hpp"
#include "sofia_profile.hpp"

namespace civic::kiosk {
namespace {

namespace fs = std::filesystem;
using testing::FakeServer;

using testing::kToday;

const forms::Json kReceipt = {{"submission_id", "S-7K2M-9QXD"},
                              {"status_token", "T-4HJW-8PLC"},
                              {"received_at", "2026-11-25T10:00:00Z"}};

class RecordingPrinter final : public Printer {
 public:
  Message print(const PrintableReceipt& printable) override {
    printed.push_back(to_text(printable));
    return {"отпечатано", "printed"};
  }
  std::vector<std::string> printed;
};

// A kiosk form whose citizen has sent the owner's declaration and holds the verified receipt.
void send(KioskForm& form, FakeServer& server) {
  SeededRng rng(std::array<std::uint8_t, 32>{5});
  server.on("POST /api/v1/submissions", [&](const HttpRequest& request) {
    const auto envelope = forms::Json::parse(request.body);
    receipt::Facts facts{reference::make(reference::Kind::submission, rng),
                         envelope.value("content_hash", ""),
                         "address_change",
                         1,
                         "2026-11-25T10:00:00Z",
                         reference::make(reference::Kind::status, rng)};
    return HttpResponse{
        201, forms::Json{{"receipt", *receipt::sign(facts, testing::kReceiptSeed)}}.dump(), ""};
  });
  const forms::Json answers = testing::fixture_answers("owner.json");
  for (const auto& [key, value] : answers.items()) form.set("/" + key, value);
  form.submit(server, "2026-11-25T10:00:00Z", {6});
  ASSERT_TRUE(form.receipt().has_value()) << form.message().en;
}

TEST(PrintableReceipt, SaysTheReferenceTheCodeAndWhenInTheCitizensLanguage) {
  const PrintableReceipt bg = printable_receipt(kReceipt, Language::bg);
  EXPECT_EQ(bg.title, "Заявлението е подадено");
  ASSERT_EQ(bg.rows.size(), 3u);
  EXPECT_EQ(bg.rows[0], (std::pair<std::string, std::string>{"Номер", "S-7K2M-9QXD"}));
  EXPECT_EQ(bg.rows[1], (std::pair<std::string, std::string>{"Код за проверка", "T-4HJW-8PLC"}));
  const std::string text = to_text(printable_receipt(kReceipt, Language::en));
  EXPECT_EQ(text.substr(0, text.find("\n\nCheck")),
            "Your declaration has been sent\n\nReference: S-7K2M-9QXD\nStatus code: "
            "T-4HJW-8PLC\nReceived: 2026-11-25T10:00:00Z");
}

TEST(PrintableReceipt, ThePrintButtonPrintsTheReceiptOrSaysWhyNot) {
  FakeServer server;
  KioskForm form(testing::sofia_profile(), "address_change", kToday);
  RecordingPrinter printer;
  form.print_receipt(&printer, Language::bg);
  EXPECT_TRUE(printer.printed.empty()) << "nothing to print before the receipt";

  send(form, server);
  form.print_receipt(nullptr, Language::bg);
  EXPECT_EQ(form.message().en, "There is no printer here: write down the reference and the code");
  form.print_receipt(&printer, Language::en);
  ASSERT_EQ(printer.printed.size(), 1u);
  EXPECT_NE(printer.printed[0].find(form.receipt()->value("submission_id", "")), std::string::npos);
  EXPECT_NE(printer.printed[0].find(form.receipt()->value("status_token", "")), std::string::npos);
  EXPECT_EQ(printer.printed[0].find("Георги"), std::string::npos) << "no answer is printed";
  EXPECT_EQ(form.message().en, "printed");
  form.wipe();
  EXPECT_TRUE(form.message().en.empty());
}

// A print command that keeps a copy of what it was given and the file's mode.
class PrintCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("civic-kiosk-print-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    script = dir / "print";
    std::ofstream(script) << "#!/bin/sh\nstat -c %a \"$1\" > '" << (dir / "mode").string()
                          << "'\necho \"$1\" > '" << (dir / "path").string() << "'\ncp \"$1\" '"
                          << (dir / "copy").string() << "'\n";
    fs::permissions(script, fs::perms::owner_all);
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string read(const std::string& name) const {
    std::ifstream in(dir / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path dir;
  fs::path script;
};

TEST_F(PrintCommand, GetsAPrivateFileThatIsGoneAfterwards) {
  CommandPrinter printer(script.string());
  const PrintableReceipt printable = printable_receipt(kReceipt, Language::bg);
  EXPECT_EQ(printer.print(printable).en, "Sent to the printer: take your receipt from it");
  EXPECT_EQ(read("copy"), to_text(printable));
  EXPECT_EQ(read("mode"), "600\n");
  const std::string path = read("path");
  ASSERT_FALSE(path.empty());
  EXPECT_FALSE(fs::exists(path.substr(0, path.size() - 1))) << "the temporary file is deleted";
}

TEST_F(PrintCommand, AFailingOrMissingCommandSaysPrintingDidNotWork) {
  const std::string failed =
      "Printing did not work: write down the reference and the code, or ask a member of staff";
  const PrintableReceipt printable = printable_receipt(kReceipt, Language::bg);
  EXPECT_EQ(CommandPrinter("false").print(printable).en, failed);
  EXPECT_EQ(CommandPrinter((dir / "no-such-program").string()).print(printable).en, failed);
}

}  // namespace
}  // namespace civic::kiosk
