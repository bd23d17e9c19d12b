// A FormSession revalidates a changed answer alone when nothing else reads it; whatever it
// does, its report must be the one a full validation of its answers gives.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "civic/forms.hpp"
#include "fixtures.hpp"

namespace civic::forms {
namespace {

using test::kToday;

// Every way one field can depend on another: a condition reading a later field's raw answer,
// group members reading their siblings and earlier fields, repeat items reading their item,
// a chain of computed values, bounds and rules reading computed values, a form rule blaming a
// field, and fields nothing else reads.
Json definition(bool duplicate_computed_id) {
  Json form = Json::parse(R"json({
    "id": "tangled", "version": 1, "title": {"bg": "Заплетена", "en": "Tangled"},
    "steps": [
      {"id": "one", "title": {"bg": "Едно", "en": "One"}, "fields": [
        {"id": "kind", "type": "choice", "label": {"bg": "Вид", "en": "Kind"}, "required": true,
         "options": [{"value": "a", "label": {"bg": "А", "en": "A"}},
                     {"value": "b", "label": {"bg": "Б", "en": "B"}}]},
        {"id": "note", "type": "text", "label": {"bg": "Бележка", "en": "Note"},
         "visible_if": "kind == \"b\"", "required": true},
        {"id": "early", "type": "text", "label": {"bg": "Рано", "en": "Early"},
         "visible_if": "late != \"hide\""},
        {"id": "grp", "type": "group", "label": {"bg": "Група", "en": "Group"}, "fields": [
          {"id": "x", "type": "number", "label": {"bg": "Икс", "en": "X"}, "max": "limit"},
          {"id": "y", "type": "text", "label": {"bg": "Игрек", "en": "Y"},
           "visible_if": "grp.x > 2", "required": true},
          {"id": "z", "type": "text", "label": {"bg": "Зет", "en": "Z"},
           "visible_if": "kind == \"a\""}
        ]},
        {"id": "peek", "type": "text", "label": {"bg": "Поглед", "en": "Peek"}},
        {"id": "free", "type": "text", "label": {"bg": "Свободно", "en": "Free"},
         "min_length": 3, "pattern": {"regex": "[a-z]*",
                                      "message": {"bg": "Само малки букви", "en": "Lower case only"}}}
      ]},
      {"id": "two", "title": {"bg": "Две", "en": "Two"}, "visible_if": "kind != null", "fields": [
        {"id": "late", "type": "text", "label": {"bg": "Късно", "en": "Late"}},
        {"id": "kids", "type": "repeat", "label": {"bg": "Деца", "en": "Children"},
         "max_items": 2, "fields": [
          {"id": "name", "type": "text", "label": {"bg": "Име", "en": "Name"}, "required": true},
          {"id": "age", "type": "number", "label": {"bg": "Възраст", "en": "Age"},
           "visible_if": "item.name != null",
           "rules": [{"id": "young", "check": "self < chain",
                      "message": {"bg": "Твърде голямо", "en": "Too large"}}]}
        ]},
        {"id": "count", "type": "number", "label": {"bg": "Брой", "en": "Count"},
         "min": "double", "max": 100},
        {"id": "tags", "type": "multi_choice", "label": {"bg": "Етикети", "en": "Tags"},
         "max_items": 1, "options": [{"value": "p", "label": {"bg": "П", "en": "P"}},
                                     {"value": "q", "label": {"bg": "К", "en": "Q"}}]}
      ]}
    ],
    "computed": [
      {"id": "limit", "value": "10"},
      {"id": "double", "value": "grp.x * 2"},
      {"id": "chain", "value": "double + 1"},
      {"id": "shout", "value": "if(note == null, \"\", note)"}
    ],
    "rules": [{"id": "late_for_a", "check": "kind != \"a\" or late != null", "path": "late",
               "message": {"bg": "Въведете късно", "en": "Enter late"}}]
  })json");
  if (duplicate_computed_id) {
    form["computed"].push_back(Json{{"id", "limit"}, {"value", "free"}});
  }
  return form;
}

// The answers the random sessions set: right, wrong, of the wrong type, and removals.
const std::vector<std::pair<std::string, Json>> kAnswers = {
    {"/kind", "a"},
    {"/kind", "b"},
    {"/kind", 5},
    {"/note", "нещо"},
    {"/note", " "},
    {"/early", "e"},
    {"/late", "l"},
    {"/late", "hide"},
    {"/late", ""},
    {"/grp", Json::object()},
    {"/grp", 5},
    {"/grp", {{"x", 3}, {"y", "y"}}},
    {"/grp/x", 1},
    {"/grp/x", 3},
    {"/grp/x", "7"},
    {"/grp/x", 70},
    {"/grp/x", "много"},
    {"/grp/y", "hi"},
    {"/grp/z", "z"},
    {"/kids", Json::array()},
    {"/kids", "no"},
    {"/kids/-", {{"name", "А"}}},
    {"/kids/-", Json::object()},
    {"/kids/-", 3},
    {"/kids/0/name", "Б"},
    {"/kids/0/age", 5},
    {"/kids/0/age", 50},
    {"/kids/1/age", 1},
    {"/peek", "p"},
    {"/free", "ab"},
    {"/free", "abcdef"},
    {"/free", "ABC"},
    {"/free", 7},
    {"/count", 0},
    {"/count", 50},
    {"/count", 500},
    {"/count", "x"},
    {"/tags", {"p"}},
    {"/tags", {"p", "q"}},
    {"/tags", {"zz"}},
    {"/unknown", 1},
    {"/grp/x/deep", 1},
};

void expect_sessions_match_full_validation(bool duplicate_computed_id) {
  Loaded loaded = load(definition(duplicate_computed_id));
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().path;
  const Context context{kToday, {}};
  std::mt19937 random(25);  // fixed: the same sequences on every run
  std::uniform_int_distribution<std::size_t> pick(0, kAnswers.size() - 1);
  for (int sequence = 0; sequence < 60; ++sequence) {
    FormSession session(loaded.form, context);
    for (int step = 0; step < 60; ++step) {
      const auto& [pointer, value] = kAnswers[pick(random)];
      const bool remove = pick(random) % 6 == 0;
      if (!session.set_answer(pointer, remove ? Json() : value)) continue;
      const Json full = to_json(*loaded.form, validate(*loaded.form, session.answers(), context));
      ASSERT_EQ(to_json(*loaded.form, session.report()), full)
          << "sequence " << sequence << ", step " << step << ": " << pointer << " = "
          << (remove ? Json() : value).dump() << "\nanswers: " << session.answers().dump();
    }
  }
}

TEST(FormSession, ReportsWhatAFullValidationReportsAfterEveryAnswer) {
  expect_sessions_match_full_validation(false);
}

TEST(FormSession, ReportsWhatAFullValidationReportsWithAComputedIdGivenTwice) {
  expect_sessions_match_full_validation(true);
}

}  // namespace
}  // namespace civic::forms
