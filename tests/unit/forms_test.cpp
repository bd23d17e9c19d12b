#include "civic/forms.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "civic/expr.hpp"
#include "fixtures.hpp"

namespace civic::forms {
namespace {

using test::kToday;

// A small form: a choice, a field shown for one choice, a repeat, a date, an address.
const Json kDefinition = Json::parse(R"({
  "id": "small", "version": 2,
  "title": {"bg": "Малък", "en": "Small"},
  "steps": [
    {"id": "one", "title": {"bg": "Едно", "en": "One"}, "fields": [
      {"id": "kind", "type": "choice", "label": {"bg": "Вид", "en": "Kind"}, "required": true,
       "options": [{"value": "a", "label": {"bg": "А", "en": "A"}},
                   {"value": "b", "label": {"bg": "Б", "en": "B"}}]},
      {"id": "detail", "type": "text", "label": {"bg": "Подробности", "en": "Details"},
       "visible_if": "kind == \"b\"", "required": true}
    ]},
    {"id": "two", "title": {"bg": "Две", "en": "Two"}, "visible_if": "kind != null", "fields": [
      {"id": "when", "type": "date", "label": {"bg": "Дата", "en": "Date"}, "max": "today"},
      {"id": "home", "type": "address", "label": {"bg": "Адрес", "en": "Address"}},
      {"id": "kids", "type": "repeat", "label": {"bg": "Деца", "en": "Children"}, "fields": [
        {"id": "name", "type": "text", "label": {"bg": "Име", "en": "Name"}, "required": true}
      ]}
    ]}
  ],
  "migrations": [{"from": 1, "to": 2, "rename": {"type": "kind"}}]
})");

std::shared_ptr<const Form> small_form() {
  Loaded loaded = load(kDefinition);
  EXPECT_TRUE(loaded.errors.empty());
  return loaded.form;
}

TEST(Forms, HiddenAnswersAreDroppedNotValidated) {
  auto form = small_form();
  const Report report = validate(*form, Json{{"kind", "a"}, {"detail", 42}}, {kToday, {}});
  EXPECT_TRUE(report.valid);
  EXPECT_FALSE(report.answers.contains("detail"));
  EXPECT_EQ(report.visible.front(), "/kind");
  EXPECT_EQ(std::count(report.visible.begin(), report.visible.end(), "/detail"), 0);
}

TEST(Forms, StepsAndVisibility) {
  auto form = small_form();
  const Report empty = validate(*form, Json::object(), {kToday, {}});
  ASSERT_EQ(empty.steps.size(), 2u);
  EXPECT_FALSE(empty.steps[0].complete);
  EXPECT_FALSE(empty.steps[1].visible);
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].code, "form.missing");
  EXPECT_EQ(empty.errors[0].message.en, "Select kind");

  const Report shown = validate(*form, Json{{"kind", "b"}}, {kToday, {}});
  ASSERT_EQ(shown.errors.size(), 1u);
  EXPECT_EQ(shown.errors[0].path, "/detail");
  EXPECT_EQ(shown.errors[0].message.bg, "Въведете подробности");
  EXPECT_TRUE(shown.steps[1].visible);
  EXPECT_TRUE(shown.steps[1].complete);
}

TEST(Forms, ExtensionPointChecksAddresses) {
  auto form = small_form();
  Context context{kToday, [](const Json& address) {
                    std::vector<Error> errors;
                    if (address.value("street", "") != "Витоша") {
                      errors.push_back({"address.street_unknown", "/street", {"Няма", "None"}, {}});
                    }
                    return errors;
                  }};
  const Json answers = {{"kind", "a"}, {"home", {{"settlement", "София"}, {"street", "Нова"}}}};
  const Report report = validate(*form, answers, context);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].code, "address.street_unknown");
  EXPECT_EQ(report.errors[0].path, "/home/street");
}

TEST(Forms, SessionRevalidatesOnEachChange) {
  FormSession session(small_form(), {kToday, {}});
  EXPECT_FALSE(session.report().valid);
  ASSERT_TRUE(session.set_answer("/kind", "a").ok());
  EXPECT_TRUE(session.report().valid);
  ASSERT_TRUE(session.set_answer("/kids", Json::array()).ok());
  ASSERT_TRUE(session.set_answer("/kids/-", Json{{"name", ""}}).ok());
  EXPECT_EQ(session.report().errors.at(0).path, "/kids/0/name");
  ASSERT_TRUE(session.set_answer("/kids/0/name", "Ана").ok());
  EXPECT_TRUE(session.report().valid);
  ASSERT_TRUE(session.set_answer("/when", "2026-11-26").ok());
  EXPECT_EQ(session.report().errors.at(0).code, "form.too_late");
  session.set_today({2026, 11, 26});
  EXPECT_TRUE(session.report().valid);
  ASSERT_TRUE(session.set_answer("/when", nullptr).ok());
  EXPECT_FALSE(session.answers().contains("when"));
  EXPECT_EQ(session.set_answer("kind", "a").error().code, "form.bad_pointer");
  EXPECT_EQ(session.set_answer("/kind/x", 1).error().code, "form.bad_pointer");
  EXPECT_EQ(session.set_answer("/kids/7/name", "x").error().code, "form.bad_pointer");
  session.set_answers(Json::array());
  EXPECT_EQ(session.answers(), Json::object());
}

TEST(Forms, MigratesOrAsksForReview) {
  auto form = small_form();
  auto migrated = migrate(*form, Json{{"type", "a"}}, 1);
  ASSERT_TRUE(migrated.ok());
  EXPECT_EQ(*migrated, (Json{{"kind", "a"}}));
  EXPECT_EQ(migrate(*form, Json::object(), 3).error().code, "form.needs_review");
  EXPECT_TRUE(migrate(*form, Json::object(), 2).ok());
}

TEST(Forms, DefinitionErrorsAreAllReported) {
  Json definition = kDefinition;
  definition["steps"][0]["fields"][0]["type"] = "radio";
  definition["steps"][0]["fields"][1]["max_items"] = 3;
  definition["extra"] = true;
  const Loaded loaded = load(definition);
  EXPECT_EQ(loaded.form, nullptr);
  ASSERT_EQ(loaded.errors.size(), 3u);
  EXPECT_EQ(loaded.errors[0].code, "definition.unknown_member");
  EXPECT_EQ(loaded.errors[1].path, "/steps/0/fields/0/type");
  EXPECT_EQ(loaded.errors[2].code, "definition.not_applicable");
  EXPECT_FALSE(load(Json::array()).errors.empty());
}

TEST(Forms, ExpressionErrorsPointIntoTheDefinition) {
  Json definition = kDefinition;
  definition["steps"][1]["fields"][2]["fields"][0]["visible_if"] = "item.nam != null";
  const Loaded loaded = load(definition);
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_EQ(loaded.errors[0].code, "expr.unknown_name");
  EXPECT_EQ(loaded.errors[0].path, "/steps/1/fields/2/fields/0/visible_if");
  EXPECT_EQ(loaded.errors[0].params["position"], 5);
}

TEST(Forms, AnyJsonIsAcceptedAsAnswers) {
  auto form = small_form();
  for (const char* text : {"null", "[]", "1", R"({"kids":{"a":1}})", R"({"kids":[1,[2]]})",
                           R"({"home":[]})", R"({"when":12})"}) {
    const Report report = validate(*form, Json::parse(text), {kToday, {}});
    EXPECT_FALSE(report.valid) << text;
  }
}

TEST(Forms, FileFieldsAndTheFilesAnswersDescribe) {
  const Loaded loaded = load(Json::parse(R"({
    "id": "docs", "version": 1, "title": {"bg": "Д", "en": "D"},
    "steps": [{"id": "s", "title": {"bg": "С", "en": "S"}, "fields": [
      {"id": "deed", "type": "file", "label": {"bg": "Акт", "en": "Deed"},
       "accept": ["application/pdf"], "max_size": 1000},
      {"id": "owners", "type": "repeat", "label": {"bg": "Собственици", "en": "Owners"},
       "fields": [{"id": "consent", "type": "file", "label": {"bg": "Съгласие", "en": "Consent"},
                   "accept": ["image/png", "application/pdf"]}]}
    ]}]
  })"));
  ASSERT_TRUE(loaded.errors.empty());
  const std::vector<FileField> fields = file_fields(*loaded.form);
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].id, "deed");
  EXPECT_EQ(fields[0].max_size, 1000);
  EXPECT_EQ(fields[1].id, "consent");
  EXPECT_EQ(fields[1].accept, (std::vector<std::string>{"image/png", "application/pdf"}));
  EXPECT_EQ(fields[1].max_size, 10 * 1024 * 1024);

  const Json file = {{"name", "a.pdf"},
                     {"media_type", "application/pdf"},
                     {"size", 10},
                     {"sha256", std::string(64, 'a')}};
  Json other = file;
  other["sha256"] = std::string(64, 'b');
  const Json answers = {{"deed", {file}},
                        {"owners", {{{"consent", {file, other}}}, Json::object()}}};
  const std::vector<FileAnswer> files = file_answers(*loaded.form, answers);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].pointer, "/deed/0");
  EXPECT_EQ(files[0].field.id, "deed");
  EXPECT_EQ(files[1].pointer, "/owners/0/consent/0");
  EXPECT_EQ(files[2].pointer, "/owners/0/consent/1");
  EXPECT_EQ(files[2].file, other);
  EXPECT_TRUE(file_answers(*loaded.form, Json::object()).empty());
}

// Computed values whose expression is constant are worked out once, at load: the report holds
// what evaluating each expression gives, the others still follow the answers and the day.
TEST(Forms, ConstantComputedValuesAreWhatTheirExpressionsGive) {
  const std::vector<std::string> constants = {"18",
                                              "2.56",
                                              "-5.11",
                                              "\"text\"",
                                              "false",
                                              "null",
                                              "@2008-02-29",
                                              "[\"permanent\", \"current\"]",
                                              "[[1, 2], [3, [4]]]",
                                              "1 + 2 * 3 - 4 / 8",
                                              "10 / 4",
                                              "1 / 0",
                                              "9223372036854 * 9223372036854",
                                              "if(1 < 2, \"a\", \"b\")",
                                              "\"a\" + \"b\" in [\"ab\"]",
                                              "not (false or null)",
                                              "matches(\"0888\", \"0[0-9]{3}\")"};
  const auto id = [](std::size_t i) { return std::string("c").append(std::to_string(i)); };
  Json definition = kDefinition;
  definition["computed"] = Json::array();
  for (std::size_t i = 0; i < constants.size(); ++i) {
    definition["computed"].push_back({{"id", id(i)}, {"value", constants[i]}});
  }
  definition["computed"].push_back({{"id", "chosen"}, {"value", "kind == \"a\""}});
  definition["computed"].push_back({{"id", "day"}, {"value", "today"}});
  definition["computed"].push_back({{"id", "sum"}, {"value", "c0 + 1"}});
  const Loaded loaded = load(definition);
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().code;
  for (const Json& answers : {Json::object(), Json{{"kind", "a"}}, Json{{"kind", "b"}}}) {
    for (const Date today : {kToday, Date{2012, 6, 1}}) {
      const Report report = validate(*loaded.form, answers, {today, {}});
      for (std::size_t i = 0; i < constants.size(); ++i) {
        auto compiled = expr::Expression::compile(constants[i]);
        ASSERT_TRUE(compiled.ok()) << constants[i];
        auto value = compiled->evaluate(expr::Env{});
        EXPECT_EQ(report.computed.at(id(i)), value ? value->to_json() : Json()) << constants[i];
      }
      EXPECT_EQ(report.computed.at("chosen"),
                answers.empty() ? Json(false) : Json(answers["kind"] == "a"));
      EXPECT_EQ(report.computed.at("day"), to_iso(today));
      EXPECT_EQ(report.computed.at("sum"), 19);
    }
  }
}

// Text that needs everything the writer does: Cyrillic, quotes, backslashes, control
// characters, and bytes that are not UTF-8 (written as U+FFFD).
std::string awkward_text(std::mt19937_64& random) {
  static const std::vector<std::string> pieces = {"Няма такъв блок",
                                                  "ж.к. „Младост“",
                                                  "/new_address/apartment",
                                                  "\"",
                                                  "\\",
                                                  "\n",
                                                  "\x01",
                                                  "\x7f",
                                                  "\xd0",
                                                  "\xe2\x82",
                                                  "\xff",
                                                  "\xf0\x9f\x98\x80",
                                                  "a",
                                                  " ",
                                                  "€"};
  std::string text;
  for (int n = static_cast<int>(random() % 8); n > 0; --n) text += pieces[random() % pieces.size()];
  return text;
}

TEST(Forms, ReportTextIsTheReportDumped) {
  auto form = small_form();
  std::mt19937_64 random(8);
  for (int i = 0; i < 3000; ++i) {
    Report report = validate(*form, Json{{"kind", "b"}, {"kids", {Json::object()}}}, {kToday, {}});
    report.valid = random() % 2 == 0;
    for (int n = static_cast<int>(random() % 4); n > 0; --n) {
      report.errors.push_back(Error{awkward_text(random),
                                    awkward_text(random),
                                    {awkward_text(random), awkward_text(random)},
                                    {{awkward_text(random), awkward_text(random)}, {"n", i}}});
    }
    for (StepState& step : report.steps) {
      step.id = awkward_text(random);
      step.visible = random() % 2 == 0;
    }
    report.visible.push_back(awkward_text(random));
    report.computed[awkward_text(random)] = static_cast<double>(random() % 1000) / 8;
    report.answers[awkward_text(random)] = Json::array({awkward_text(random), nullptr, -3});
    ASSERT_EQ(to_json_text(*form, report),
              to_json(*form, report).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

}  // namespace
}  // namespace civic::forms
