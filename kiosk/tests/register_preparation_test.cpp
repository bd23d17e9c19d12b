#include "register_preparation.hpp"

#include <gtest/gtest.h>

#include "fake_server.hpp"

namespace civic::kiosk {
namespace {

using testing::FakeServer;

const std::string kHeader =
    "settlement,street_type,street,number,complex,block,entrances,postal_code\n";
const std::string kGood = kHeader +
                          "68134,ул.,Акад. Борис Стефанов,1,,,,1700\n"
                          "68134,,,,Студентски град,8,А;Б,1734\n";

TEST(RegisterPreparation, ShowsTheCoresImportReportByRow) {
  FakeServer server;
  RegisterPreparation preparation(server);
  preparation.load("68134-16",
                   kGood +
                       "68134,ул.,Акад. Борис Стефанов,1,,,,1700\n"  // line 4: the same building
                       "68134,ул.,Нова,,,,,1700\n"                   // line 5: no number
                       "68134,ул.,Акад. Борис Стефанов,3,,,,1700\n"
                       "68134,ул.,Акад. Борис Стефанов,3,,,,1701\n");  // line 7: two codes
  ASSERT_TRUE(preparation.loaded());
  const Readiness r = preparation.readiness();
  EXPECT_EQ(r.rows, 6u);
  EXPECT_EQ(r.accepted, 3u);
  EXPECT_EQ(r.refused, 1u);
  EXPECT_EQ(r.duplicates, 1u);
  EXPECT_EQ(r.conflicts, 1u);
  EXPECT_FALSE(r.ready);
  ASSERT_EQ(preparation.report().errors.size(), 1u);
  EXPECT_EQ(preparation.report().errors[0].code, "register.street_or_block_required");
  EXPECT_EQ(preparation.report().errors[0].params.value("row", 0), 5);
  EXPECT_EQ(preparation.report().duplicates[0].value("row", 0), 4);
  EXPECT_EQ(preparation.report().postal_conflicts[0].value("row", 0), 7);

  preparation.upload("t0k", true);
  EXPECT_TRUE(server.sent.empty()) << "a file with refused rows is never uploaded";
  EXPECT_EQ(preparation.message().en, "Fix or skip the refused rows before uploading");
}

TEST(RegisterPreparation, ARefusedRowIsSkippedBeforeUploadAndTheOthersKeepTheirNumbers) {
  FakeServer server;
  server.on("POST /api/v1/operator/districts/68134-16/register",
            HttpResponse{200, R"({"district":"68134-16"})", ""});
  RegisterPreparation preparation(server);
  preparation.load("68134-16",
                   kGood +
                       "68134,ул.,Нова,,,,,1700\r\n"      // line 4: no number (CRLF)
                       "68134,ул.,\"Нова\n\",,,,,1700\n"  // lines 5-6: quoted, no number
                       "68134,ул.,Акад. Борис Стефанов,3,,,,1700\n"
                       "68134,ул.,Акад. Борис Стефанов,3,,,,1701\n");  // line 8: two codes
  ASSERT_EQ(preparation.readiness().refused, 2u);

  preparation.skip_row(2);
  EXPECT_EQ(preparation.message().en, "Row 2 is not refused: it stays");
  EXPECT_TRUE(preparation.skipped().empty());

  preparation.skip_row(4);
  EXPECT_EQ(preparation.skipped(), std::vector<size_t>{4});
  Readiness r = preparation.readiness();
  EXPECT_EQ(r.refused, 1u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(preparation.report().errors[0].params.value("row", 0), 5) << "numbers are kept";
  EXPECT_EQ(preparation.report().postal_conflicts[0].value("row", 0), 8);

  preparation.skip_refused_rows();
  EXPECT_EQ(preparation.skipped(), (std::vector<size_t>{4, 5, 8}));
  r = preparation.readiness();
  EXPECT_EQ(r.refused, 0u);
  EXPECT_EQ(r.conflicts, 0u);
  EXPECT_EQ(r.accepted, 3u);
  EXPECT_TRUE(r.ready);

  preparation.upload("t0k", false);
  ASSERT_EQ(server.sent.size(), 1u);
  EXPECT_EQ(server.sent[0].body, kGood + "\r\n\n\n68134,ул.,Акад. Борис Стефанов,3,,,,1700\n\n");
  EXPECT_EQ(address::import_csv("68134-16", server.sent[0].body).errors.size(), 0u);
  EXPECT_TRUE(preparation.uploaded());
}

TEST(RegisterPreparation, SkippingRepeatedRowsIsConfirmedBeforeUpload) {
  FakeServer server;
  server.on("POST /api/v1/operator/districts/68134-16/register",
            HttpResponse{200, R"({"district":"68134-16"})", ""});
  RegisterPreparation preparation(server);
  const std::string csv = kGood + "68134,ул.,Акад. Борис Стефанов,1,,,,1700\n";
  preparation.load("68134-16", csv);
  EXPECT_TRUE(preparation.readiness().ready);
  preparation.upload("t0k", false);
  EXPECT_TRUE(server.sent.empty());
  EXPECT_EQ(preparation.message().en, "Confirm that the repeated rows will be skipped");

  preparation.upload("t0k", true);
  ASSERT_EQ(server.sent.size(), 1u);
  EXPECT_EQ(server.sent[0].body, csv);
  EXPECT_EQ(server.sent[0].content_type, "text/csv");
  EXPECT_EQ(server.sent[0].token, "t0k");
  EXPECT_TRUE(preparation.uploaded());
}

TEST(RegisterPreparation, TheServersRefusalIsShown) {
  FakeServer server;
  server.on("POST /api/v1/operator/districts/68134-16/register",
            testing::problem(403, "operator.forbidden", "Не е вашият район", "Not your district"));
  RegisterPreparation preparation(server);
  preparation.load("68134-16", kGood);
  preparation.upload("t0k", false);
  EXPECT_FALSE(preparation.uploaded());
  EXPECT_EQ(preparation.message().bg, "Не е вашият район");
  preparation.reset();
  EXPECT_FALSE(preparation.loaded());
}

}  // namespace
}  // namespace civic::kiosk
