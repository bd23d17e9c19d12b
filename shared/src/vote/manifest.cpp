#include "civic/vote/manifest.hpp"

#include <set>

#include "civic/vote/transcript.hpp"
#include "json_fields.hpp"

namespace civic::vote {

namespace {

using namespace detail;

const std::string kPrefix = "vote.manifest";

Error manifest_error(const char* code, const std::string& path, const char* bg, const char* en) {
  return Error{kPrefix + "." + code, path, {bg, en}, {}};
}

Result<std::string> id_field(const Json& json, const std::string& path) {
  CIVIC_TRY(id, string_field(json, "id", path, kPrefix));
  if (id.empty() || id.size() > 128) {
    return manifest_error("bad_id", path + "/id", "Идентификаторът трябва да е от 1 до 128 байта",
                          "An id must be 1 to 128 bytes long");
  }
  return id;
}

Result<Title> title_field(const Json& json, const std::string& path) {
  CIVIC_TRY(title, field(json, "title", path, kPrefix));
  const std::string title_path = path + "/title";
  CIVIC_CHECK(expect_object(*title, title_path, {"bg", "en"}, kPrefix));
  CIVIC_TRY(bg, string_field(*title, "bg", title_path, kPrefix));
  CIVIC_TRY(en, string_field(*title, "en", title_path, kPrefix));
  return Title{bg, en};
}

Result<Option> parse_option(const Json& json, const std::string& path) {
  CIVIC_CHECK(expect_object(json, path, {"id", "title", "cost"}, kPrefix));
  Option option;
  CIVIC_TRY(id, id_field(json, path));
  CIVIC_TRY(title, title_field(json, path));
  option.id = id;
  option.title = title;
  if (json.contains("cost")) {
    CIVIC_TRY(cost, uint_field(json, "cost", path, kPrefix, UINT64_MAX));
    option.cost = cost;
  }
  return option;
}

Result<Contest> parse_contest(const Json& json, const std::string& path) {
  if (json.is_object() && json.contains("budget")) {
    return manifest_error("budget_unsupported", path + "/budget",
                          "Бюджетни ограничения на бюлетината не се поддържат",
                          "Budget caps on a ballot are not supported: they would need a "
                          "zero-knowledge proof of the weighted sum");
  }
  CIVIC_CHECK(expect_object(json, path, {"id", "title", "min", "max", "options"}, kPrefix));
  Contest contest;
  CIVIC_TRY(id, id_field(json, path));
  CIVIC_TRY(title, title_field(json, path));
  CIVIC_TRY(min, uint_field(json, "min", path, kPrefix, kMaxOptions));
  CIVIC_TRY(max, uint_field(json, "max", path, kPrefix, kMaxOptions));
  CIVIC_TRY(options, array_field(json, "options", path, kPrefix));
  contest.id = id;
  contest.title = title;
  contest.min = static_cast<std::uint32_t>(min);
  contest.max = static_cast<std::uint32_t>(max);
  if (options->empty() || options->size() > kMaxOptions) {
    return manifest_error("limits", path + "/options", "Между 1 и 1000 предложения",
                          "A contest has 1 to 1000 options");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < options->size(); ++i) {
    const std::string option_path = path + "/options/" + std::to_string(i);
    CIVIC_TRY(option, parse_option((*options)[i], option_path));
    if (!ids.insert(option.id).second) {
      return manifest_error("duplicate_id", option_path + "/id", "Повтарящ се идентификатор",
                            "Duplicate id");
    }
    contest.options.push_back(std::move(option));
  }
  if (contest.max == 0 || contest.min > contest.max || contest.max > contest.options.size()) {
    return manifest_error("limits", path + "/max",
                          "Трябва 0 ≤ min ≤ max ≤ броя предложения и max ≥ 1",
                          "Need 0 <= min <= max <= number of options and max >= 1");
  }
  return contest;
}

void hash_title(Transcript& transcript, const Title& title) {
  transcript.text(title.bg).text(title.en);
}

Bytes32 base_hash(const Manifest& manifest) {
  Transcript transcript("civic/vote/v1/manifest");
  transcript.text(manifest.id);
  hash_title(transcript, manifest.title);
  transcript.u32(static_cast<std::uint32_t>(manifest.contests.size()));
  for (const Contest& contest : manifest.contests) {
    transcript.text(contest.id);
    hash_title(transcript, contest.title);
    transcript.u32(contest.min).u32(contest.max);
    transcript.u32(static_cast<std::uint32_t>(contest.options.size()));
    for (const Option& option : contest.options) {
      transcript.text(option.id);
      hash_title(transcript, option.title);
      if (option.cost) {
        transcript.u64(*option.cost);
      } else {
        transcript.bytes({});
      }
    }
  }
  return transcript.digest();
}

}  // namespace

Result<Manifest> parse_manifest(const Json& json) {
  CIVIC_CHECK(expect_object(json, "", {"id", "title", "contests"}, kPrefix));
  Manifest manifest;
  CIVIC_TRY(id, id_field(json, ""));
  CIVIC_TRY(title, title_field(json, ""));
  CIVIC_TRY(contests, array_field(json, "contests", "", kPrefix));
  manifest.id = id;
  manifest.title = title;
  if (contests->empty() || contests->size() > kMaxContests) {
    return manifest_error("limits", "/contests", "Между 1 и 64 въпроса",
                          "A manifest has 1 to 64 contests");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < contests->size(); ++i) {
    const std::string path = "/contests/" + std::to_string(i);
    CIVIC_TRY(contest, parse_contest((*contests)[i], path));
    if (!ids.insert(contest.id).second) {
      return manifest_error("duplicate_id", path + "/id", "Повтарящ се идентификатор",
                            "Duplicate id");
    }
    manifest.contests.push_back(std::move(contest));
  }
  manifest.base_hash = base_hash(manifest);
  return manifest;
}

}  // namespace civic::vote
