#include <set>

#include "civic/vote/ballot.hpp"
#include "json_fields.hpp"

namespace civic::vote {

namespace {

Error selections_error(const char* code, const std::string& path, const char* bg, const char* en) {
  return Error{std::string("vote.selections.") + code, path, {bg, en}, {}};
}

Error count_error(const Contest& contest, std::size_t index, std::size_t selected) {
  Error error{"vote.selections.count",
              "/" + contest.id,
              {"Броят избрани предложения е извън позволеното",
               "The number of selected options is outside the allowed range"},
              {}};
  error.params = {{"contest", contest.id},
                  {"contest_index", index},
                  {"selected", selected},
                  {"min", contest.min},
                  {"max", contest.max}};
  return error;
}

}  // namespace

Result<Unit> check_selections(const Manifest& manifest, const Selections& selections) {
  if (selections.size() != manifest.contests.size()) {
    return selections_error("shape", "", "Изборът не съответства на бюлетината",
                            "The selections do not match the manifest");
  }
  for (std::size_t c = 0; c < selections.size(); ++c) {
    const Contest& contest = manifest.contests[c];
    if (selections[c].size() != contest.options.size()) {
      return selections_error("shape", "/" + contest.id, "Изборът не съответства на бюлетината",
                              "The selections do not match the manifest");
    }
    std::size_t selected = 0;
    for (std::uint8_t choice : selections[c]) {
      if (choice > 1) {
        return selections_error("shape", "/" + contest.id, "Всеки избор е 0 или 1",
                                "Every choice is 0 or 1");
      }
      selected += choice;
    }
    if (selected < contest.min || selected > contest.max) return count_error(contest, c, selected);
  }
  return Unit{};
}

Result<Selections> parse_selections(const Manifest& manifest, const Json& json) {
  if (!json.is_object()) {
    return selections_error("shape", "", "Очаква се обект {въпрос: [предложения]}",
                            "Expected an object {contest: [option ids]}");
  }
  Selections selections;
  std::set<std::string> known_contests;
  for (const Contest& contest : manifest.contests) {
    known_contests.insert(contest.id);
    std::vector<std::uint8_t> choices(contest.options.size(), 0);
    const auto chosen = json.find(contest.id);
    if (chosen != json.end()) {
      const std::string path = "/" + contest.id;
      if (!chosen->is_array()) {
        return selections_error("shape", path, "Очаква се списък с предложения",
                                "Expected a list of option ids");
      }
      for (std::size_t i = 0; i < chosen->size(); ++i) {
        const Json& id = (*chosen)[i];
        const std::string item_path = path + "/" + std::to_string(i);
        std::size_t found = contest.options.size();
        for (std::size_t o = 0; id.is_string() && o < contest.options.size(); ++o) {
          if (contest.options[o].id == id.get<std::string>()) found = o;
        }
        if (found == contest.options.size()) {
          return selections_error("unknown_option", item_path, "Няма такова предложение",
                                  "There is no such option");
        }
        if (choices[found] != 0) {
          return selections_error("duplicate", item_path, "Предложението е избрано два пъти",
                                  "The option is selected twice");
        }
        choices[found] = 1;
      }
    }
    selections.push_back(std::move(choices));
  }
  for (const auto& item : json.items()) {
    if (known_contests.count(item.key()) == 0) {
      return selections_error("unknown_contest", "/" + item.key(), "Няма такъв въпрос",
                              "There is no such contest");
    }
  }
  CIVIC_CHECK(check_selections(manifest, selections));
  return selections;
}

Json selections_to_json(const Manifest& manifest, const Selections& selections) {
  Json out = Json::object();
  for (std::size_t c = 0; c < manifest.contests.size() && c < selections.size(); ++c) {
    Json chosen = Json::array();
    const Contest& contest = manifest.contests[c];
    for (std::size_t o = 0; o < contest.options.size() && o < selections[c].size(); ++o) {
      if (selections[c][o] != 0) chosen.push_back(contest.options[o].id);
    }
    out[contest.id] = std::move(chosen);
  }
  return out;
}

}  // namespace civic::vote
