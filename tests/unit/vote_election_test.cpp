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
// 100th re-votes for option 0 on device "phone" (the re-vote counts).
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
    const std::string device = seed == 3 ? "phone" : "kiosk-" + std::to_string(voter % 3);
    SeededRng rng(seed_for(voter, seed));
    const VoterCredential credential = credential_of(voter);
    const VoterHead head = voter_head(manifest.base_hash, board.entries, credential.public_key);
    const BallotMeta meta{device, "2026-11-25T10:00:00Z",
                          chain_head(manifest.base_hash, board.entries, device), head.sequence,
                          head.previous};
    EncryptedBallot encrypted = encrypt_ballot(election, selections, credential, meta, rng).value();
    BoardEntry entry{status, encrypted.ballot, std::nullopt};
    if (status == EntryStatus::spoiled) {
      seal_ballot(entry.ballot, credential, Choice::spoil);
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

  TallySum sum(manifest);
  for (const BoardEntry& entry : board.entries) {
    if (entry.status == EntryStatus::cast) sum.add(entry.ballot);
  }
  const EncryptedTally tally = sum.tally();
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
  share = to_hex(wrong.bytes());
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

// The lines of `voter`'s entries on the board, in order.
std::vector<std::size_t> lines_of(const BoardRecords& records, std::uint32_t voter) {
  const std::string credential = to_hex(credential_of(voter).public_key);
  std::vector<std::size_t> lines;
  for (std::size_t i = 0; i < records.ballots.size(); ++i) {
    if (records.ballots[i]["ballot"]["credential"] == credential) lines.push_back(i);
  }
  return lines;
}

bool has(const std::string& failures, const std::string& line) {
  return failures.find(line) != std::string::npos;
}

// Sets bit 255 of a hex point: libsodium 1.0.18's is_valid_point would still accept it.
void set_top_bit(Json& hex) {
  Bytes32 bytes;
  ASSERT_TRUE(from_hex(hex.get<std::string>(), bytes));
  bytes[31] |= 0x80;
  hex = to_hex(bytes);
}

// Issue 11 item 3: the operator relabels a voter's spoiled (audited) ballot as counted.
TEST_F(VoteBoardForgery, SpoiledBallotRelabelledAsCastFails) {
  BoardRecords records = honest();
  const std::vector<std::size_t> lines = lines_of(records, 50);  // spoiled, then cast
  ASSERT_EQ(lines.size(), 2u);
  records.ballots[lines[0]]["status"] = "cast";
  records.ballots[lines[0]].erase("opening");
  records.ballots[lines[1]]["status"] = "superseded";
  const std::string got = failures(records);
  EXPECT_TRUE(has(got, "10: vote.verify.choice /ballots/" + std::to_string(lines[0]) + "/status"))
      << got;
  // Rewriting the choice breaks the voter's signature instead.
  records.ballots[lines[0]]["ballot"]["choice"] = "cast";
  EXPECT_TRUE(has(failures(records), "7: vote.ballot.signature /ballots/" +
                                         std::to_string(lines[0]) + "/ballot/signature"));
}

TEST_F(VoteBoardForgery, SpoiledBallotShownAsSupersededFails) {
  BoardRecords records = honest();
  const std::size_t line = lines_of(records, 50)[0];
  records.ballots[line]["status"] = "superseded";
  records.ballots[line].erase("opening");
  EXPECT_EQ(failures(records),
            "10: vote.verify.choice /ballots/" + std::to_string(line) + "/status\n");
}

// A re-vote made on another device ("phone") is moved before the earlier ballot so the
// earlier one counts: the device chains still hold, the voter's signed chain does not.
TEST_F(VoteBoardForgery, ReorderedRevoteFails) {
  BoardRecords records = honest();
  const std::vector<std::size_t> lines = lines_of(records, 100);  // spoiled, kiosk, phone
  ASSERT_EQ(lines.size(), 3u);
  Json kiosk = records.ballots[lines[1]], phone = records.ballots[lines[2]];
  kiosk["status"] = "cast";
  phone["status"] = "superseded";
  records.ballots[lines[1]] = phone;
  records.ballots[lines[2]] = kiosk;
  const std::string got = failures(records);
  EXPECT_TRUE(has(
      got, "10: vote.verify.voter_chain /ballots/" + std::to_string(lines[1]) + "/ballot/sequence"))
      << got;
  EXPECT_FALSE(has(got, "8: ")) << got;
}

// Dropping a superseded ballot changes no count and breaks no device chain (it was the
// last of its kiosk's); only the voter's chain shows the gap.
TEST_F(VoteBoardForgery, DroppedBallotOfAVoterBreaksTheirChain) {
  BoardRecords records = honest();
  const std::size_t line = lines_of(records, 100)[1];
  records.ballots.erase(line);
  EXPECT_EQ(failures(records),
            "10: vote.verify.voter_chain /ballots/" + std::to_string(line) + "/ballot/sequence\n");
}

// Dropping a voter's last ballot leaves a board that is consistent on its own; the
// voter's receipt proves the omission.
TEST_F(VoteBoardForgery, DroppedLastBallotIsProvenByTheReceipt) {
  const Election& election = board_->setup.election;
  const std::vector<BoardEntry>& entries = board_->entries;
  const std::vector<std::size_t> lines = lines_of(honest(), 100);
  const Ballot receipt = entries[lines[2]].ballot;
  EXPECT_TRUE(check_receipt(election, entries, receipt).ok());
  std::vector<BoardEntry> dropped = entries;
  dropped.erase(dropped.begin() + static_cast<std::ptrdiff_t>(lines[2]));
  apply_revote_rule(dropped);
  EXPECT_EQ(check_receipt(election, dropped, receipt).error().code, "vote.receipt.omitted");
  std::vector<BoardEntry> relabelled = entries;
  relabelled[lines[0]].ballot.choice = Choice::cast;
  EXPECT_EQ(check_receipt(election, relabelled, relabelled[lines[0]].ballot).error().code,
            "vote.ballot.signature");
  EXPECT_EQ(check_receipt(election, relabelled, entries[lines[0]].ballot).error().code,
            "vote.receipt.altered");
}

// Issue 11 item 1: a point with bit 255 set, on every path of the board.
TEST_F(VoteBoardForgery, PointWithBit255SetIsRefusedOnEveryPath) {
  BoardRecords ballot = honest();
  set_top_bit(ballot.ballots[5]["ballot"]["contests"][0]["options"][0]["alpha"]);
  EXPECT_TRUE(
      has(failures(ballot), "5: vote.bad_point /ballots/5/ballot/contests/0/options/0/alpha\n"));

  BoardRecords ceremony = honest();
  set_top_bit(ceremony.ceremony["trustees"][0]["commitments"][0]);
  EXPECT_TRUE(has(failures(ceremony), "2: vote.bad_point /ceremony/trustees/0/commitments/0\n"));

  BoardRecords key = honest();
  set_top_bit(key.ceremony["joint_key"]);
  EXPECT_TRUE(has(failures(key), "2: vote.bad_point /ceremony/joint_key\n"));

  BoardRecords tally = honest();
  set_top_bit(tally.tally["contests"][0][1]["beta"]);
  EXPECT_TRUE(has(failures(tally), "12: vote.bad_point /tally/contests/0/1/beta\n"));

  BoardRecords share = honest();
  set_top_bit(share.result["partial_decryptions"][0]["contests"][0][0]["share"]);
  EXPECT_TRUE(
      has(failures(share), "13: vote.bad_point /result/partial_decryptions/0/contests/0/0/share\n"))
      << failures(share);
}

TEST_F(VoteBoardForgery, InvalidCredentialIsRefused) {
  const std::string small_order("0100000000000000000000000000000000000000000000000000000000000000");
  BoardRecords listed = honest();
  listed.credentials["credentials"][0] = small_order;
  EXPECT_TRUE(has(failures(listed), "4: vote.bad_credential /credentials/credentials/0\n"));

  BoardRecords on_ballot = honest();
  on_ballot.ballots[0]["ballot"]["credential"] = small_order;
  EXPECT_TRUE(has(failures(on_ballot), "5: vote.bad_credential /ballots/0/ballot/credential\n"));
}

TEST_F(VoteBoardForgery, MissingBallotsFileFails) {
  BoardRecords records = honest();
  records.ballots = nullptr;
  const std::string got = failures(records);
  EXPECT_TRUE(has(got, "5: vote.verify.missing \n")) << got;
  EXPECT_TRUE(has(got, "15: vote.verify.skipped \n")) << got;
}

TEST_F(VoteBoardForgery, ForgedTrusteeCommitmentFails) {
  BoardRecords records = honest();
  records.ceremony["trustees"][2]["commitments"][1] = to_hex(generator().bytes());
  const std::string got = failures(records);
  EXPECT_EQ(got.rfind("2: vote.ceremony.commitment_proof /ceremony/trustees/2/proofs/1\n", 0), 0u)
      << got;
}

}  // namespace
}  // namespace civic::vote
