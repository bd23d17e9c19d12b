// Honest ballots verify; each forgery fails, and for the right reason.
#include <gtest/gtest.h>

#include "vote_fixtures.hpp"

namespace civic::vote {
namespace {

using testing::encrypt_for;
using testing::make_election;
using testing::manifest_json;
using testing::voter;

const Json kChoice = {{"city", {"p2", "p4"}}, {"prize", {"b"}}};

class VoteBallot : public ::testing::Test {
 protected:
  const testing::TestElection setup_ = make_election(manifest_json());
  const Election& election_ = setup_.election;

  std::string failure(const Ballot& ballot) {
    auto verified = verify_ballot(election_, ballot);
    return verified ? "ok" : verified.error().code + " at " + verified.error().path;
  }
};

TEST_F(VoteBallot, ManifestRefusesBudgetCapsAndUnknownFields) {
  Json capped = manifest_json();
  capped["contests"][0]["budget"] = 1000000;
  EXPECT_EQ(parse_manifest(capped).error().code, "vote.manifest.budget_unsupported");
  Json unknown = manifest_json();
  unknown["extra"] = true;
  EXPECT_EQ(parse_manifest(unknown).error().code, "vote.manifest.unknown_field");
  Json limits = manifest_json(5, 4, 3);
  EXPECT_EQ(parse_manifest(limits).error().code, "vote.manifest.limits");
  EXPECT_EQ(parse_manifest(Json::array()).error().code, "vote.manifest.shape");
}

TEST_F(VoteBallot, BaseHashCoversEveryField) {
  Json other = manifest_json();
  other["contests"][0]["options"][3]["title"]["en"] = "Project four";
  EXPECT_NE(parse_manifest(other)->base_hash, election_.manifest.base_hash);
  EXPECT_EQ(parse_manifest(manifest_json())->base_hash, election_.manifest.base_hash);
}

TEST_F(VoteBallot, HonestBallotsVerify) {
  for (const Json& choice :
       {kChoice, Json{{"prize", {"a"}}}, Json{{"city", {"p1", "p3", "p5"}}, {"prize", {"c"}}}}) {
    const EncryptedBallot encrypted = encrypt_for(election_, choice, 1);
    EXPECT_EQ(failure(encrypted.ballot), "ok") << choice.dump();
  }
}

TEST_F(VoteBallot, EncryptionIsDeterministicForASeedAndRoundTripsThroughJson) {
  const Ballot one = encrypt_for(election_, kChoice, 1).ballot;
  const Ballot two = encrypt_for(election_, kChoice, 1).ballot;
  EXPECT_EQ(one, two);
  EXPECT_EQ(ballot_from_json(ballot_to_json(one)).value(), one);
  EXPECT_NE(encrypt_for(election_, kChoice, 1, 2).ballot.tracking_code, one.tracking_code);
}

TEST_F(VoteBallot, EncryptionRefusesInvalidSelections) {
  SeededRng rng(testing::seed_of(1));
  const Selections over = {{1, 1, 1, 1, 0}, {0, 1, 0}};
  EXPECT_EQ(encrypt_ballot(election_, over, voter(1), {}, rng).error().code,
            "vote.selections.count");
  EXPECT_EQ(parse_selections(election_.manifest, Json{{"city", {"p9"}}}).error().code,
            "vote.selections.unknown_option");
  EXPECT_EQ(parse_selections(election_.manifest, Json{{"prize", {"a", "a"}}}).error().code,
            "vote.selections.duplicate");
}

TEST_F(VoteBallot, CiphertextOfTwoFailsItsOptionProof) {
  Ballot ballot = encrypt_for(election_, kChoice, 1).ballot;
  Ciphertext& forged = ballot.contests[0].options[1].ciphertext;  // p2, a 1
  forged.beta = forged.beta + election_.joint_key;                // now a 2
  seal_ballot(ballot, voter(1), Choice::cast);
  EXPECT_EQ(failure(ballot), "vote.ballot.option_proof at /contests/0/options/1");
}

TEST_F(VoteBallot, OverSelectionFailsTheSelectionProof) {
  // Every option proof is valid (taken from a ballot with the same id, credential and
  // nonces), but the contest now holds three selections where max = 2.
  Json many = manifest_json(5, 0, 2);
  const testing::TestElection small = make_election(many);
  Ballot ballot = encrypt_for(small.election, {{"city", {"p1", "p2"}}, {"prize", {"a"}}}, 1).ballot;
  const Ballot other =
      encrypt_for(small.election, {{"city", {"p3", "p4"}}, {"prize", {"a"}}}, 1).ballot;
  ASSERT_EQ(ballot.id, other.id);
  ballot.contests[0].options[2] = other.contests[0].options[2];
  seal_ballot(ballot, voter(1), Choice::cast);
  auto verified = verify_ballot(small.election, ballot);
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().code, "vote.ballot.selection_proof");
  EXPECT_EQ(verified.error().path, "/contests/0/selection_proof");
}

TEST_F(VoteBallot, ProofForAnotherElectionFails) {
  const testing::TestElection other = make_election(manifest_json(5, 0, 3, "sofia-2027"));
  // Same joint key, other manifest: the base hash in every proof differs.
  const Election foreign{other.election.manifest, election_.joint_key};
  Ballot ballot = encrypt_for(foreign, kChoice, 1).ballot;
  EXPECT_EQ(failure(ballot), "vote.ballot.wrong_election at /election");
  ballot.election = election_.manifest.base_hash;  // relabelled
  seal_ballot(ballot, voter(1), Choice::cast);
  EXPECT_EQ(failure(ballot), "vote.ballot.option_proof at /contests/0/options/0");
}

TEST_F(VoteBallot, ProofMovedToAnotherPositionFails) {
  Ballot ballot = encrypt_for(election_, kChoice, 1).ballot;
  std::swap(ballot.contests[0].options[0], ballot.contests[0].options[1]);
  seal_ballot(ballot, voter(1), Choice::cast);
  EXPECT_EQ(failure(ballot), "vote.ballot.option_proof at /contests/0/options/0");
}

TEST_F(VoteBallot, SwappedCommitmentsFail) {
  Ballot ballot = encrypt_for(election_, kChoice, 1).ballot;
  RangeProof& proof = ballot.contests[0].options[3].proof;
  std::swap(proof.challenges[0], proof.challenges[1]);
  std::swap(proof.responses[0], proof.responses[1]);
  seal_ballot(ballot, voter(1), Choice::cast);
  EXPECT_EQ(failure(ballot), "vote.ballot.option_proof at /contests/0/options/3");

  Ballot swapped = encrypt_for(election_, kChoice, 1).ballot;
  Ciphertext& ciphertext = swapped.contests[1].options[0].ciphertext;
  std::swap(ciphertext.alpha, ciphertext.beta);
  seal_ballot(swapped, voter(1), Choice::cast);
  EXPECT_EQ(failure(swapped), "vote.ballot.option_proof at /contests/1/options/0");
}

TEST_F(VoteBallot, ReplayUnderAnotherCredentialFails) {
  Ballot ballot = encrypt_for(election_, kChoice, 1).ballot;
  ballot.credential = voter(2).public_key;  // voter 2 copies voter 1's ballot
  EXPECT_EQ(failure(ballot), "vote.ballot.tracking_code at /tracking_code");
  seal_ballot(ballot, voter(2), Choice::cast);
  EXPECT_EQ(failure(ballot), "vote.ballot.option_proof at /contests/0/options/0");
}

TEST_F(VoteBallot, TamperingAfterSealingOrAForeignSignatureFails) {
  Ballot ballot = encrypt_for(election_, kChoice, 1).ballot;
  ballot.time = "2026-11-25T10:00:01Z";
  EXPECT_EQ(failure(ballot), "vote.ballot.tracking_code at /tracking_code");
  ballot.tracking_code = compute_tracking_code(ballot);
  EXPECT_EQ(failure(ballot), "vote.ballot.signature at /signature");
}

TEST_F(VoteBallot, BadEncodingsAreRefusedWhenParsed) {
  const Json good = ballot_to_json(encrypt_for(election_, kChoice, 1).ballot);
  Json invalid = good;
  invalid["contests"][0]["options"][0]["alpha"] =
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";
  auto parsed = ballot_from_json(invalid);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, "vote.bad_point");
  EXPECT_EQ(parsed.error().path, "/contests/0/options/0/alpha");

  Json identity_point = good;
  identity_point["contests"][0]["options"][1]["beta"] = std::string(64, '0');
  EXPECT_EQ(ballot_from_json(identity_point).error().params["reason"], "identity");

  // An unreduced scalar: v + L is the same residue, so the proof would still hold.
  Ballot ballot = ballot_from_json(good).value();
  const std::string v = to_hex(ballot.contests[0].options[0].proof.responses[0].bytes);
  Scalar order_plus_v;
  from_hex(v, order_plus_v.bytes);
  unsigned carry = 0;
  const Bytes32 order = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                         0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                         0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};
  for (std::size_t i = 0; i < 32; ++i) {
    const unsigned sum = order_plus_v.bytes[i] + order[i] + carry;
    order_plus_v.bytes[i] = static_cast<std::uint8_t>(sum);
    carry = sum >> 8;
  }
  Json unreduced = good;
  unreduced["contests"][0]["options"][0]["proof"]["responses"][0] = to_hex(order_plus_v.bytes);
  parsed = ballot_from_json(unreduced);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, "vote.bad_scalar");
  EXPECT_EQ(parsed.error().path, "/contests/0/options/0/proof/responses/0");
}

TEST_F(VoteBallot, DeviceAndTimeLimitsAreCheckedOnVerification) {
  Ballot ballot = encrypt_for(election_, kChoice, 1).ballot;
  ballot.device = std::string(129, 'd');
  seal_ballot(ballot, voter(1), Choice::cast);
  EXPECT_EQ(failure(ballot), "vote.ballot.meta at /device");
  ballot.device = std::string(128, 'd');
  ballot.time = std::string(65, 't');
  seal_ballot(ballot, voter(1), Choice::cast);
  EXPECT_EQ(failure(ballot), "vote.ballot.meta at /time");
  ballot.time = std::string(64, 't');
  seal_ballot(ballot, voter(1), Choice::cast);
  EXPECT_EQ(failure(ballot), "ok");
}

TEST_F(VoteBallot, TheSignatureCoversTheChoiceSequenceAndVoterLink) {
  Ballot ballot = encrypt_for(election_, kChoice, 1).ballot;
  EXPECT_EQ(ballot.choice, Choice::cast);
  EXPECT_EQ(ballot.sequence, 0u);
  EXPECT_EQ(ballot.voter_previous,
            voter_chain_start(election_.manifest.base_hash, voter(1).public_key));
  Ballot relabelled = ballot;
  relabelled.choice = Choice::spoil;
  EXPECT_EQ(failure(relabelled), "vote.ballot.signature at /signature");
  seal_ballot(relabelled, voter(1), Choice::spoil);  // the voter's own spoil
  EXPECT_EQ(relabelled.tracking_code, ballot.tracking_code);
  EXPECT_EQ(failure(relabelled), "ok");
  Ballot renumbered = ballot;
  renumbered.sequence = 1;
  EXPECT_EQ(failure(renumbered), "vote.ballot.tracking_code at /tracking_code");
  Ballot relinked = ballot;
  relinked.voter_previous = ballot.tracking_code;
  EXPECT_EQ(failure(relinked), "vote.ballot.tracking_code at /tracking_code");
}

TEST_F(VoteBallot, SpoiledBallotOpensToItsChoices) {
  const EncryptedBallot encrypted = encrypt_for(election_, kChoice, 1);
  const Opening opening = open_ballot(election_, encrypted.ballot, encrypted.secret).value();
  EXPECT_EQ(selections_to_json(election_.manifest, opening.selections),
            (Json{{"city", {"p2", "p4"}}, {"prize", {"b"}}}));
  EXPECT_TRUE(verify_opening(election_, encrypted.ballot, opening).ok());

  Opening lie = opening;
  lie.selections[0] = {1, 0, 0, 1, 0};
  EXPECT_EQ(verify_opening(election_, encrypted.ballot, lie).error().code, "vote.spoil.mismatch");
  const BallotSecret wrong{testing::seed_of(9)};
  EXPECT_EQ(open_ballot(election_, encrypted.ballot, wrong).error().code, "vote.spoil.mismatch");
}

}  // namespace
}  // namespace civic::vote
