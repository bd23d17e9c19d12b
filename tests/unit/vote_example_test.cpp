// The worked example of docs/vote-spec.md §13: a complete tiny board in
// tests/vectors/vote-board/, regenerated here from fixed seeds and compared byte for
// byte, with every intermediate value in intermediate.json. To rewrite the files after
// a deliberate change: CIVIC_REGENERATE_EXAMPLE=1 build/native/tests/civic_core_tests
// --gtest_filter='VoteWorkedExample.*', then review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "vote_fixtures.hpp"

namespace civic::vote {
namespace {

using testing::seed_of;
using testing::voter;

const std::string kDir = std::string(CIVIC_VECTORS_DIR) + "/vote-board/";

Json example_manifest() {
  Json manifest = testing::manifest_json(2, 0, 1, "example-2026");
  manifest["contests"].erase(1);
  return manifest;
}

struct Submission {
  std::uint8_t voter;
  std::uint8_t seed;
  const char* option;
  const char* device;
  Choice choice;
};

// Voter 1 spoils a ballot, then casts; voter 2 casts, then re-votes on another device.
constexpr Submission kSubmissions[] = {{1, 1, "p1", "kiosk-1", Choice::spoil},
                                       {1, 2, "p2", "kiosk-1", Choice::cast},
                                       {2, 1, "p1", "kiosk-1", Choice::cast},
                                       {2, 2, "p2", "phone-2", Choice::cast}};

std::string pretty(const Json& json) { return json.dump(2) + "\n"; }

std::map<std::string, std::string> generate() {
  const Json manifest_json = example_manifest();
  const testing::TestElection setup = testing::make_election(manifest_json, 1, 1);
  const Election& election = setup.election;
  const Bytes32& base = election.manifest.base_hash;
  Json intermediate{{"base_hash", to_hex(base)},
                    {"joint_key", to_hex(election.joint_key.bytes())},
                    {"ballots", Json::array()}};

  std::vector<BoardEntry> entries;
  for (const Submission& submission : kSubmissions) {
    const VoterCredential credential = voter(submission.voter);
    const VoterHead head = voter_head(base, entries, credential.public_key);
    const BallotMeta meta{submission.device, "2026-11-25T10:00:00Z",
                          chain_head(base, entries, submission.device), head.sequence,
                          head.previous};
    SeededRng rng(seed_of(submission.seed, submission.voter));
    const Selections selections =
        testing::choose(election.manifest, Json{{"city", {submission.option}}});
    EncryptedBallot encrypted = encrypt_ballot(election, selections, credential, meta, rng).value();
    BoardEntry entry{EntryStatus::cast, encrypted.ballot, std::nullopt};
    if (submission.choice == Choice::spoil) {
      seal_ballot(entry.ballot, credential, Choice::spoil);
      entry.opening = open_ballot(election, encrypted.ballot, encrypted.secret).value();
    }
    const Ballot& ballot = entry.ballot;
    std::string message = "civic/vote/v2/signature";
    const std::string signed_hex =
        to_hex(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(message.data()),
                                             message.size())) +
        to_hex(ballot.tracking_code) + (ballot.choice == Choice::spoil ? "01" : "00");
    intermediate["ballots"].push_back(
        Json{{"credential", to_hex(ballot.credential)},
             {"voter_chain_start", to_hex(voter_chain_start(base, ballot.credential))},
             {"device_chain_start", to_hex(chain_start(base, ballot.device))},
             {"sequence", ballot.sequence},
             {"voter_previous", to_hex(ballot.voter_previous)},
             {"previous", to_hex(ballot.previous)},
             {"tracking_code", to_hex(ballot.tracking_code)},
             {"signed_message", signed_hex}});
    entries.push_back(std::move(entry));
  }
  apply_revote_rule(entries);

  TallySum sum(election.manifest);
  for (const BoardEntry& entry : entries) {
    if (entry.status == EntryStatus::cast) sum.add(entry.ballot);
  }
  const EncryptedTally tally = sum.tally();
  SeededRng rng(seed_of(77));
  DecryptionRecord record;
  record.partials.push_back(partially_decrypt(election, tally, setup.ceremony.secrets[0], rng));
  record.counts = decrypt_tally(election, setup.ceremony.ceremony, tally, record.partials).value();
  Json count_points = Json::array();
  for (std::size_t o = 0; o < tally.contests[0].size(); ++o) {
    // One trustee: λ_1 = 1, so C − λ_1·M_1 = votes·K.
    const Point value = tally.contests[0][o].beta - record.partials[0].contests[0][o].share;
    count_points.push_back(
        Json{{"C_minus_sA", to_hex(value.bytes())},
             {"votes_times_K",
              to_hex(mul(scalar_from_u64(record.counts[0][o]), election.joint_key).bytes())}});
  }
  intermediate["statuses"] = Json::array();
  for (const BoardEntry& entry : entries)
    intermediate["statuses"].push_back(to_string(entry.status));
  intermediate["lagrange"] = Json::array({to_hex(scalar_from_u64(1).bytes)});
  intermediate["counts"] = count_points;

  std::string lines;
  for (const BoardEntry& entry : entries) {
    lines += board_entry_to_json(election.manifest, entry).dump() + "\n";
  }
  std::vector<Bytes32> credentials = {voter(1).public_key, voter(2).public_key};
  return {{"manifest.json", pretty(manifest_json)},
          {"ceremony.json", pretty(ceremony_to_json(base, setup.ceremony.ceremony))},
          {"credentials.json", pretty(credentials_to_json(base, credentials))},
          {"ballots.jsonl", lines},
          {"tally.json", pretty(tally_to_json(base, tally))},
          {"result.json", pretty(decryption_to_json(election.manifest, record))},
          {"intermediate.json", pretty(intermediate)}};
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(VoteWorkedExample, BoardIsReproducedByteForByte) {
  const auto files = generate();
  const bool regenerate = std::getenv("CIVIC_REGENERATE_EXAMPLE") != nullptr;
  for (const auto& [name, text] : files) {
    if (regenerate) std::ofstream(kDir + name, std::ios::binary) << text;
    EXPECT_EQ(read_text(kDir + name), text) << name;
  }
}

TEST(VoteWorkedExample, BoardVerifies) {
  const auto files = generate();
  const auto records = read_board_records(
      BoardFiles{files.at("manifest.json"), files.at("ceremony.json"), files.at("credentials.json"),
                 files.at("ballots.jsonl"), files.at("tally.json"), files.at("result.json")});
  ASSERT_TRUE(records.ok());
  EXPECT_TRUE(verify_board(*records).passed());
}

}  // namespace
}  // namespace civic::vote
