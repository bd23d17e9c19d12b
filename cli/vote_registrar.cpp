#include "vote_registrar.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "civic/vote.hpp"
#include "vote_board_files.hpp"

namespace civic::cli {

namespace {

using namespace civic::vote;

constexpr const char* kPeopleHeader =
    "personal_number,birth_date,permanent_settlement,current_settlement";
constexpr const char* kEligibleHeader = "voter,birth_date,permanent_settlement,current_settlement";

std::optional<std::vector<std::string>> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "civic: cannot read %s\n", path.c_str());
    return std::nullopt;
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::optional<Bytes32> read_key(const std::string& path) {
  const auto lines = read_lines(path);
  Bytes32 key{};
  if (!lines || lines->size() != 1 || !from_hex(lines->front(), key)) {
    std::fprintf(stderr, "civic: %s must hold the key as 64 hex digits\n", path.c_str());
    return std::nullopt;
  }
  return key;
}

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) std::fprintf(stderr, "civic: cannot write %s\n", path.c_str());
  return static_cast<bool>(out);
}

}  // namespace

int vote_eligible(const std::string& people, const std::optional<std::string>& key_file,
                  const std::optional<std::string>& out) {
  if (!key_file || !out) return 2;
  const auto key = read_key(*key_file);
  const auto lines = read_lines(people);
  if (!key || !lines) return 1;
  if (lines->empty() || lines->front() != kPeopleHeader) {
    std::fprintf(stderr, "civic: %s: the first line must be %s\n", people.c_str(), kPeopleHeader);
    return 1;
  }
  std::string csv = std::string(kEligibleHeader) + "\n";
  for (std::size_t i = 1; i < lines->size(); ++i) {
    const std::string& line = (*lines)[i];
    const std::size_t comma = line.find(',');
    if (comma == std::string::npos || !is_personal_number(line.substr(0, comma))) {
      std::fprintf(stderr, "civic: %s line %zu: a personal number (10 digits) comes first\n",
                   people.c_str(), i + 1);
      return 1;
    }
    csv += voter_hash(*key, line.substr(0, comma)) + line.substr(comma) + "\n";
  }
  if (!write_text(*out, csv)) return 1;
  std::printf("%zu voters in %s\n", lines->size() - 1, out->c_str());
  return 0;
}

int vote_register(const std::string& board, const std::optional<std::string>& eligible,
                  const std::optional<std::string>& server_key,
                  const std::optional<std::string>& out) {
  if (!eligible || !server_key || !out) return 2;
  std::array<std::uint8_t, crypto_box_PUBLICKEYBYTES> recipient{};
  if (!from_hex(*server_key, recipient)) {
    std::fprintf(stderr,
                 "civic: --server-key must be 64 hex digits (keys.envelope of the profile)\n");
    return 1;
  }
  const auto manifest = read_manifest(board);
  const auto lines = read_lines(*eligible);
  if (!manifest || !lines) return 1;
  if (lines->empty() || lines->front() != kEligibleHeader) {
    std::fprintf(stderr, "civic: %s: the first line must be %s\n", eligible->c_str(),
                 kEligibleHeader);
    return 1;
  }
  std::vector<Bytes32> listed;
  Json sealed = Json::array();
  for (std::size_t i = 1; i < lines->size(); ++i) {
    const std::string voter = (*lines)[i].substr(0, (*lines)[i].find(','));
    Bytes32 seed{};
    randombytes_buf(seed.data(), seed.size());
    listed.push_back(credential_from_seed(seed).public_key);
    std::array<std::uint8_t, 32 + crypto_box_SEALBYTES> box{};
    crypto_box_seal(box.data(), seed.data(), seed.size(), recipient.data());
    sodium_memzero(seed.data(), seed.size());
    sealed.push_back(Json{{"voter", voter}, {"sealed", to_hex(box)}});
  }
  std::sort(listed.begin(), listed.end());
  const Json credentials = credentials_to_json(manifest->base_hash, listed);
  if (!write_json_file(board + "/credentials.json", credentials) ||
      !write_json_file(*out, Json{{"credentials", credentials}, {"sealed", sealed}}, false)) {
    return 1;
  }
  std::printf("%zu credentials listed in %s/credentials.json; sealed seeds in %s\n", listed.size(),
              board.c_str(), out->c_str());
  return 0;
}

}  // namespace civic::cli
