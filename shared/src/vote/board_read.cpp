#include "civic/strict_json.hpp"
#include "civic/vote/board.hpp"
#include "json_fields.hpp"

namespace civic::vote {

namespace {

Error line_error(const char* code, std::size_t line, const char* bg, const char* en) {
  return Error{code, "/ballots/" + std::to_string(line), {bg, en}, {{"line", line + 1}}};
}

Result<Unit> read_record(const std::optional<std::string>& text, const char* name, Json& out) {
  if (!text) {
    out = nullptr;
    return Unit{};
  }
  auto json = parse_strict_json(*text);
  if (!json) return prefixed(std::move(json).error(), std::string("/") + name);
  out = std::move(json).value();
  return Unit{};
}

Result<Json> read_lines(const std::optional<std::string>& text) {
  if (!text) return Json(nullptr);
  Json entries = Json::array();
  std::size_t start = 0;
  for (std::size_t line = 0; start < text->size(); ++line) {
    const std::size_t end = text->find('\n', start);
    if (end == std::string::npos) {
      return line_error("vote.ballots.line_end", line, "Последният ред не завършва с нов ред",
                        "The last line does not end with a line feed");
    }
    const std::string_view content = std::string_view(*text).substr(start, end - start);
    if (content.find_first_not_of(" \t\r") == std::string_view::npos) {
      return line_error("vote.ballots.blank_line", line, "Празен ред в ballots.jsonl",
                        "A blank line in ballots.jsonl");
    }
    auto entry = parse_strict_json(content);
    if (!entry) return prefixed(std::move(entry).error(), "/ballots/" + std::to_string(line));
    entries.push_back(std::move(entry).value());
    start = end + 1;
  }
  return entries;
}

}  // namespace

Result<BoardRecords> read_board_records(const BoardFiles& files) {
  BoardRecords records;
  CIVIC_CHECK(read_record(files.manifest, "manifest", records.manifest));
  CIVIC_CHECK(read_record(files.ceremony, "ceremony", records.ceremony));
  CIVIC_CHECK(read_record(files.credentials, "credentials", records.credentials));
  CIVIC_CHECK(read_record(files.tally, "tally", records.tally));
  CIVIC_CHECK(read_record(files.result, "result", records.result));
  auto ballots = read_lines(files.ballots);
  if (!ballots) return std::move(ballots).error();
  records.ballots = std::move(ballots).value();
  return records;
}

}  // namespace civic::vote
