#include "vote_board_files.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "civic/strict_json.hpp"

namespace civic::cli {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool write_text(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!(out << text)) return false;
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) std::fprintf(stderr, "civic: cannot write %s\n", path.c_str());
  return !error;
}

}  // namespace

void print_error(const std::string& context, const Error& error) {
  std::fprintf(stderr, "civic: %s: %s at \"%s\": %s\n", context.c_str(), error.code.c_str(),
               error.path.c_str(), error.message.en.c_str());
}

std::optional<vote::Json> read_json_file(const std::string& path) {
  const auto text = read_text(path);
  if (!text) return vote::Json(nullptr);
  auto json = parse_strict_json(*text);
  if (!json) {
    print_error(path, json.error());
    return std::nullopt;
  }
  return std::move(json).value();
}

bool write_json_file(const std::string& path, const vote::Json& json, bool pretty) {
  return write_text(path, json.dump(pretty ? 2 : -1) + "\n");
}

Result<vote::BoardRecords> read_board(const std::string& dir) {
  const vote::BoardFiles files{
      read_text(dir + "/manifest.json"),    read_text(dir + "/ceremony.json"),
      read_text(dir + "/credentials.json"), read_text(dir + "/ballots.jsonl"),
      read_text(dir + "/tally.json"),       read_text(dir + "/result.json")};
  return vote::read_board_records(files);
}

std::optional<vote::Manifest> read_manifest(const std::string& dir) {
  const auto json = read_json_file(dir + "/manifest.json");
  if (!json) return std::nullopt;
  if (json->is_null()) {
    std::fprintf(stderr, "civic: %s/manifest.json: no such file (civic vote create)\n",
                 dir.c_str());
    return std::nullopt;
  }
  auto manifest = vote::parse_manifest(*json);
  if (!manifest) {
    print_error("manifest.json", manifest.error());
    return std::nullopt;
  }
  return std::move(manifest).value();
}

std::optional<std::vector<vote::BoardEntry>> read_entries(const std::string& dir,
                                                          const vote::Manifest& manifest) {
  const auto records = read_board(dir);
  if (!records) {
    print_error(dir, records.error());
    return std::nullopt;
  }
  if (records->ballots.is_null()) {
    std::fprintf(stderr, "civic: %s/ballots.jsonl: no such file (civic vote create)\n",
                 dir.c_str());
    return std::nullopt;
  }
  std::vector<vote::BoardEntry> entries;
  for (std::size_t i = 0; i < records->ballots.size(); ++i) {
    auto entry = vote::board_entry_from_json(manifest, records->ballots[i]);
    if (!entry) {
      print_error("ballots.jsonl line " + std::to_string(i + 1), entry.error());
      return std::nullopt;
    }
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

bool write_entries(const std::string& dir, const vote::Manifest& manifest,
                   const std::vector<vote::BoardEntry>& entries) {
  std::string text;
  for (const vote::BoardEntry& entry : entries) {
    text += vote::board_entry_to_json(manifest, entry).dump() + "\n";
  }
  return write_text(dir + "/ballots.jsonl", text);
}

}  // namespace civic::cli
