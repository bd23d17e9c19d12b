#include "civic/form_session_json.hpp"

#include <gtest/gtest.h>

#include "civic/api.hpp"

namespace civic {
namespace {

using api::Json;

// A two-field form: a name, and an EGN only asked of adults' representatives.
const char* kForm = R"({
  "id": "session_demo", "version": 2,
  "title": {"bg": "Проба", "en": "Demo"},
  "migrations": [{"from": 1, "to": 2, "rename": {"full_name": "name"}}],
  "steps": [{"id": "only", "title": {"bg": "Стъпка", "en": "Step"}, "fields": [
    {"id": "name", "type": "text", "label": {"bg": "Име", "en": "Name"}, "required": true},
    {"id": "egn", "type": "egn", "label": {"bg": "ЕГН", "en": "EGN"}, "required": true}
  ]}]
})";

std::string request(const std::string& extra = "") {
  return std::string(R"({"today":"2026-11-25","form":)") + kForm + extra + "}";
}

Json parse(const std::string& text) { return Json::parse(text, nullptr, false); }

TEST(FormSessionJson, ValidatesEachChange) {
  api::FormSessionJson session(request());
  ASSERT_EQ(session.status(), R"({"ok":true})");
  EXPECT_EQ(parse(session.report())["valid"], false);
  EXPECT_EQ(parse(session.set_answer("/name", R"("Мария")"))["valid"], false);
  const Json report = parse(session.set_answer("/egn", R"("7501020018")"));
  EXPECT_EQ(report["valid"], true);
  EXPECT_EQ(report["answers"]["name"], "Мария");
  const Json broken = parse(session.set_answer("/egn", R"("7501010019")"));
  EXPECT_EQ(broken["errors"][0]["code"], "egn.checksum");
  EXPECT_EQ(parse(session.set_answer("/egn", "null"))["errors"][0]["path"], "/egn");
}

TEST(FormSessionJson, RefusesBadChangesWithoutChangingAnything) {
  api::FormSessionJson session(request(R"(,"answers":{"name":"Иван"})"));
  const std::string before = session.answers();
  EXPECT_EQ(parse(session.set_answer("/egn", "{"))["error"]["code"], "api.bad_json");
  EXPECT_EQ(parse(session.set_answers("[]"))["error"]["code"], "api.bad_request");
  EXPECT_EQ(parse(session.set_today("2026-02-30"))["error"]["code"], "date.not_real");
  EXPECT_EQ(session.answers(), before);
}

TEST(FormSessionJson, MigratesAnOlderDraftOrAsksForReview) {
  api::FormSessionJson migrated(request(R"(,"answers":{"full_name":"Иван"},"answers_version":1)"));
  ASSERT_EQ(migrated.status(), R"({"ok":true})");
  EXPECT_EQ(parse(migrated.answers())["name"], "Иван");
  api::FormSessionJson newer(request(R"(,"answers":{},"answers_version":3)"));
  EXPECT_EQ(parse(newer.status())["error"]["code"], "form.needs_review");
  EXPECT_EQ(newer.report(), newer.status());
}

TEST(FormSessionJson, RefusesBadRequests) {
  EXPECT_EQ(parse(api::FormSessionJson("{").status())["error"]["code"], "api.bad_json");
  EXPECT_EQ(parse(api::FormSessionJson(R"({"form":{}})").status())["error"]["path"], "/today");
  const Json bad_form =
      parse(api::FormSessionJson(R"({"today":"2026-11-25","form":{"id":1}})").status());
  EXPECT_EQ(bad_form["error"]["path"].get<std::string>().rfind("/form", 0), 0u);
}

}  // namespace
}  // namespace civic
