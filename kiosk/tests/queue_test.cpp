#include "queue.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "fake_server.hpp"

namespace civic::kiosk {
namespace {

using testing::FakeServer;

std::string item(const std::string& id, const std::string& form, const std::string& status,
                 const std::string& received) {
  return R"({"submission_id":")" + id + R"(","form":{"id":")" + form +
         R"(","version":1},"district":"68134-16","status":")" + status + R"(","received_at":")" +
         received + R"(","updated_at":")" + received + R"("})";
}

std::vector<std::string> ids(const Queue& queue) {
  std::vector<std::string> out;
  for (size_t i = 0; i < queue.view().size(); ++i) out.push_back(queue.visible(i).submission_id);
  return out;
}

TEST(Queue, FetchesEveryPageByTheServersCursor) {
  FakeServer server;
  server.on("GET /api/v1/operator/queue?limit=500",
            HttpResponse{200,
                         R"({"items":[)" +
                             item("A", "address_change", "received", "2026-11-20T09:00:00Z") + "," +
                             item("B", "pb_proposal", "approved", "2026-11-21T09:00:00Z") +
                             R"(],"next":"2026-11-21T09:00:00Z|B"})",
                         ""});
  server.on(
      "GET /api/v1/operator/queue?limit=500&after=2026-11-21T09%3A00%3A00Z%7CB",
      HttpResponse{200,
                   R"({"items":[)" +
                       item("C", "address_change", "needs_correction", "2026-11-22T09:00:00Z") +
                       R"(],"next":null})",
                   ""});
  Queue queue(server);
  queue.reload("t0k");
  EXPECT_FALSE(queue.loading());
  EXPECT_EQ(queue.total(), 3u);
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"A", "B", "C"}));
  ASSERT_EQ(server.sent.size(), 2u);
  EXPECT_EQ(server.sent[1].token, "t0k");
}

TEST(Queue, ARefusedPageKeepsWhatCameAndSaysWhy) {
  FakeServer server;
  server.on("GET /api/v1/operator/queue?limit=500",
            testing::problem(403, "operator.forbidden", "Нямате достъп", "No access"));
  Queue queue(server);
  queue.reload("t0k");
  EXPECT_FALSE(queue.loading());
  EXPECT_EQ(queue.total(), 0u);
  EXPECT_EQ(queue.message().en, "No access");
}

std::vector<QueueRow> rows() {
  return {{"A", "address_change", "68134-16", "received", "2026-11-20T09:00:00Z", ""},
          {"B", "pb_proposal", "68134-01", "approved", "2026-11-01T09:00:00Z", ""},
          {"C", "address_change", "68134-07", "received", "2026-11-24T09:00:00Z", ""},
          {"D", "address_change", "68134-16", "rejected", "2026-11-10T09:00:00Z", ""}};
}

TEST(Queue, SortsByAnyColumnBothWays) {
  FakeServer server;
  Queue queue(server);
  queue.set_rows(rows());
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"B", "D", "A", "C"}));  // oldest first
  queue.sort_by(QueueColumn::received, false);
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"C", "A", "D", "B"}));
  queue.sort_by(QueueColumn::age, false);  // the most aged first
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"B", "D", "A", "C"}));
  queue.sort_by(QueueColumn::district, true);  // ties keep the id order
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"B", "C", "A", "D"}));
  queue.sort_by(QueueColumn::form, false);
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"B", "A", "C", "D"}));
}

TEST(Queue, FiltersByStatusAndTextAndFollowsADecision) {
  FakeServer server;
  Queue queue(server);
  queue.set_rows(rows());
  queue.set_filter({"received", ""});
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"A", "C"}));
  queue.set_filter({"received", "68134-07"});
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"C"}));
  queue.set_filter({"", "pb_"});
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"B"}));
  queue.set_filter({"received", ""});
  queue.update_status("A", "approved");
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"C"}));
}

TEST(Queue, TenThousandRowsSortAndFilterInMemory) {
  FakeServer server;
  Queue queue(server);
  std::vector<QueueRow> many;
  for (int i = 0; i < 10000; ++i) {
    char id[16];
    char received[32];
    std::snprintf(id, sizeof id, "S%05d", i);
    std::snprintf(received, sizeof received, "2026-11-%02dT09:00:00Z", 10 + i % 20);
    many.push_back(
        {id, "address_change", "68134-16", i % 2 ? "received" : "approved", received, ""});
  }
  queue.set_rows(std::move(many));
  queue.set_filter({"received", ""});
  EXPECT_EQ(queue.view().size(), 5000u);
  queue.sort_by(QueueColumn::received, false);
  EXPECT_EQ(queue.visible(0).received_at, "2026-11-29T09:00:00Z");
  EXPECT_EQ(queue.visible(4999).received_at, "2026-11-11T09:00:00Z");
}

TEST(Queue, AgeIsWholeDaysAcrossMonthsAndYears) {
  EXPECT_EQ(age_in_days("2026-11-20T09:00:00Z", "2026-11-25T08:00:00Z"), 5);
  EXPECT_EQ(age_in_days("2026-02-27T00:00:00Z", "2026-03-01T00:00:00Z"), 2);
  EXPECT_EQ(age_in_days("2024-02-28T00:00:00Z", "2024-03-01T00:00:00Z"), 2);
  EXPECT_EQ(age_in_days("2025-12-31T23:00:00Z", "2026-01-01T01:00:00Z"), 1);
  EXPECT_EQ(age_in_days("not a date", "2026-01-01T01:00:00Z"), 0);
}

}  // namespace
}  // namespace civic::kiosk
