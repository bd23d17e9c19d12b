// Whole elections: ceremony, ballots, re-votes, spoiled ballots, tally, threshold
// decryption with absent trustees, and the board verifier with its forgeries.
#include <gtest/gtest.h>

#include <map>

#include "vote_fixtures.hpp"

namespace civic::vote {
namespace {

using testing::make_election;
using testing::manifest_json;

std::array<std::uint8_t, 32> seed_for(std::uint32_t voter, std::uint8_t purpose) {
  std::array<std::uint8_t, 32> seed{};
  seed[0] = purpose;
  for (std::size_t i = 0; i < 4; ++i) seed[1 + i] = static_cast<std::uint8_t>(voter >> (8 * i));
  return seed;
}

VoterCredential credential_of(std::uint32_t voter) {
  return credential_from_seed(seed_for(voter, 0xc7));
}

// One contest "city" of `options` proposals, 0..1 selections: the cheapest ballot that
// still carries every kind of proof.
Json single_contest_manifest(std::size_t options) {
  Json manifest = manifest_json(options, 0, 1);
  manifest["contests"].erase(1);
  return manifest;
}

struct Board {
  testing::TestElection setup;
  std::vector<BoardEntry> entries;
  Counts expected;
  BoardRecords records;
  std::string decryption_error;  // decrypt_tally's error code, if it failed
};

// `voters` voters each cast a ballot for option (voter % options), or nothing when
// voter % (options + 1) == options; every 50th voter first spoils a ballot and every
// 100th re-votes for option 0 (the re-vote counts).
Board run_election(std::uint32_t voters, std::size_t options,
                   const std::vector<std::uint32_t>& present = {1, 3, 5}) {
  Board board{make_election(single_contest_manifest(options)), {}, {}, {}, {}};
  const Election& election = board.setup.election;
  const Manifest& manifest = election.manifest;
  board.expected = {std::vector<std::uint64_t>(options, 0)};
  std::vector<Bytes32> credentials;
  const auto submit = [&](std::uint32_t voter, std::uint8_t seed, std::optional<std::size_t> pick,
                          EntryStatus status) {
    Selections selections = {std::vector<std::uint8_t>(options, 0)};
    if (pick) selections[0][*pick] = 1;
    const std::string device = "kiosk-" + std::to_string(voter % 3);
    SeededRng rng(seed_for(voter, seed));
    const BallotMeta meta{device, "2026-11-25T10:00:00Z",
                          chain_head(manifest.base_hash, board.entries, device)};
    EncryptedBallot encrypted =
        encrypt_ballot(election, selections, credential_of(voter), meta, rng).value();
    BoardEntry entry{status, encrypted.ballot, std::nullopt};
    if (status == EntryStatus::spoiled) {
      entry.opening = open_ballot(election, encrypted.ballot, encrypted.secret).value();
    }
    board.entries.push_back(std::move(entry));
  };
  for (std::uint32_t voter = 1; voter <= voters; ++voter) {
    credentials.push_back(credential_of(voter).public_key);
    const std::size_t choice = voter % (options + 1);
    const std::optional<std::size_t> pick =
        choice == options ? std::nullopt : std::optional<std::size_t>(choice);
    if (voter % 50 == 0) submit(voter, 2, 0, EntryStatus::spoiled);
    submit(voter, 1, pick, EntryStatus::cast);
    if (voter % 100 == 0) {
      submit(voter, 3, 0, EntryStatus::cast);
      ++board.expected[0][0];
    } else if (pick) {
      ++board.expected[0][*pick];
    }
  }
  apply_revote_rule(board.entries);

  EncryptedTally tally = empty_tally(manifest);
  for (const BoardEntry& entry : board.entries) {
    if (entry.status == EntryStatus::cast) add_ballot(tally, entry.ballot);
  }
  SeededRng rng(testing::seed_of(77));
  DecryptionRecord record;
  for (std::uint32_t trustee : present) {
    record.partials.push_back(
        partially_decrypt(election, tally, board.setup.ceremony.secrets[trustee - 1], rng));
  }
  auto counts = decrypt_tally(election, board.setup.ceremony.ceremony, tally, record.partials);
  if (counts) {
    record.counts = *counts;
  } else {
    board.decryption_error = counts.error().code;
  }

  BoardRecords& records = board.records;
  records.manifest = single_contest_manifest(options);
  records.ceremony = ceremony_to_json(manifest.base_hash, board.setup.ceremony.ceremony);
  records.credentials = credentials_to_json(manifest.base_hash, credentials);
  for (const BoardEntry& entry : board.entries) {
    records.ballots.push_back(board_entry_to_json(manifest, entry));
  }
  records.tally = tally_to_json(manifest.base_hash, tally);
  records.result = decryption_to_json(manifest, record);
  return board;
}

// "N: <first failure code>" for every failed check, "" when all pass.
std::string failures(const BoardRecords& records) {
  std::string out;
  for (const CheckOutcome& check : verify_board(records).checks) {
    if (check.passed()) continue;
    out += std::to_string(check.number) + ": " + check.first_failure->code + " " +
           check.first_failure->path + "\n";
  }
  return out;
}

TEST(VoteElection, ThousandBallotsThreeOfFiveTwoAbsentTallyAndVerify) {
  const Board board = run_election(1000, 2);
  const Counts counts =
      decryption_from_json(board.setup.election.manifest, board.records.result).value().counts;
  EXPECT_EQ(counts, board.expected);
  EXPECT_EQ(board.expected[0][0] + board.expected[0][1],
            1000u - 333u + 3u);  // 3 re-votes of blanks
  const BoardReport report = verify_board(board.records);
  ASSERT_EQ(report.checks.size(), static_cast<std::size_t>(kBoardChecks));
  EXPECT_EQ(failures(board.records), "");
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(report.checks[4].checked, 1000u + 20u + 10u);  // ballots, spoiled, re-votes
}

TEST(VoteElection, AnyQuorumDecryptsTheSameCountsButTwoTrusteesDoNot) {
  const Board first = run_election(12, 3, {5, 4, 1});
  const Board second = run_election(12, 3, {2, 3, 4});
  const auto counts_of = [](const Board& board) {
    return decryption_from_json(board.setup.election.manifest, board.records.result)->counts;
  };
  EXPECT_EQ(counts_of(first), first.expected);
  EXPECT_EQ(counts_of(second), first.expected);
  const Board too_few = run_election(12, 3, {1, 2});
  EXPECT_EQ(too_few.decryption_error, "vote.decryption.quorum");
}

TEST(VoteElection, ZeroBallotsTallyToZero) {
  const Board board = run_election(0, 3);
  EXPECT_EQ(failures(board.records), "");
  EXPECT_EQ(decryption_from_json(board.setup.election.manifest, board.records.result)->counts,
            (Counts{{0, 0, 0}}));
}

class VoteBoardForgery : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { board_ = new Board(run_election(100, 3)); }
  static void TearDownTestSuite() { delete board_; }
  static const BoardRecords& honest() { return board_->records; }
  static Board* board_;
};
Board* VoteBoardForgery::board_ = nullptr;

TEST_F(VoteBoardForgery, HonestBoardPasses) { EXPECT_EQ(failures(honest()), ""); }

TEST_F(VoteBoardForgery, BallotWithoutAListedCredentialFails) {
  BoardRecords records = honest();
  records.credentials["credentials"].erase(6);  // voter 7
  EXPECT_EQ(failures(records), "7: vote.verify.credential_unlisted /ballots/6/ballot/credential\n");
}

TEST_F(VoteBoardForgery, ReusedCredentialFails) {
  BoardRecords records = honest();
  // The server marks voter 100's superseded ballot as counted too.
  std::size_t line = 0;
  while (records.ballots[line]["status"] != "superseded") ++line;
  records.ballots[line]["status"] = "cast";
  const std::string got = failures(records);
  EXPECT_NE(got.find("10: vote.verify.credential_reused"), std::string::npos) << got;
}

TEST_F(VoteBoardForgery, ReplayedBallotFails) {
  BoardRecords records = honest();
  records.ballots.push_back(records.ballots[3]);
  const std::string got = failures(records);
  EXPECT_NE(got.find("8: vote.verify.duplicate_tracking_code /ballots/" +
                     std::to_string(records.ballots.size() - 1)),
            std::string::npos)
      << got;
  EXPECT_NE(got.find("9: vote.verify.duplicate_ballot_id"), std::string::npos) << got;
}

TEST_F(VoteBoardForgery, DroppedBallotBreaksItsDeviceChain) {
  BoardRecords records = honest();
  records.ballots.erase(10);
  const std::string got = failures(records);
  EXPECT_NE(got.find("8: vote.verify.broken_chain"), std::string::npos) << got;
  EXPECT_NE(got.find("12: vote.verify.tally"), std::string::npos) << got;
}

TEST_F(VoteBoardForgery, WrongPartialDecryptionFails) {
  BoardRecords records = honest();
  Json& share = records.result["partial_decryptions"][1]["contests"][0][2]["share"];
  const Point wrong = parse_point(share.get<std::string>(), "").value() + generator();
  share = to_hex(wrong.bytes);
  EXPECT_EQ(failures(records),
            "13: vote.decryption.proof /result/partial_decryptions/1/contests/0/options/2\n"
            "14: vote.verify.skipped \n15: vote.verify.skipped \n");
}

TEST_F(VoteBoardForgery, WrongCountFails) {
  BoardRecords records = honest();
  Json& votes = records.result["counts"][0]["options"][1]["votes"];
  votes = votes.get<std::uint64_t>() + 1;
  EXPECT_EQ(failures(records), "14: vote.decryption.count /result/counts/0/options/1\n");
}

TEST_F(VoteBoardForgery, SpoiledBallotWithAFalseOpeningFails) {
  BoardRecords records = honest();
  std::size_t line = 0;
  while (records.ballots[line]["status"] != "spoiled") ++line;
  records.ballots[line]["opening"]["selections"]["city"] = {"p2"};
  EXPECT_EQ(failures(records), "11: vote.spoil.mismatch /ballots/" + std::to_string(line) +
                                   "/opening/contests/0/options/0\n");
}

TEST_F(VoteBoardForgery, ForgedTrusteeCommitmentFails) {
  BoardRecords records = honest();
  records.ceremony["trustees"][2]["commitments"][1] = to_hex(generator().bytes);
  const std::string got = failures(records);
  EXPECT_EQ(got.rfind("2: vote.ceremony.commitment_proof /ceremony/trustees/2/proofs/1\n", 0), 0u)
      << got;
}

}  // namespace
}  // namespace civic::vote
