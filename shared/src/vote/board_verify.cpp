#include <map>
#include <set>

#include "civic/vote/board.hpp"

namespace civic::vote {

namespace {

constexpr const char* kTitles[kBoardChecks] = {
    "manifest parses, and every record names its base hash",
    "trustee parameters, commitments and their proofs of knowledge",
    "joint election key is the product of the trustees' constant commitments",
    "credential list is well formed, without duplicates",
    "every ballot is well formed for this election",
    "every ballot's proofs: 0 or 1 per option, selection count per contest",
    "every ballot carries a listed credential and a valid signature",
    "tracking codes recomputed, unique, and chained per device",
    "ballot ids are unique",
    "per voter: signed chain whole, statuses as signed, only the last cast counts",
    "spoiled ballots open to their ciphertexts; cast ballots reveal nothing",
    "encrypted tally is the product of the counted ballots",
    "partial decryptions: known distinct trustees, valid proofs, a quorum",
    "published counts are what the tally decrypts to",
    "published counts fit the manifest's limits",
};

enum Check {
  kManifest = 1,
  kTrustees,
  kJointKey,
  kCredentials,
  kWellFormed,
  kProofs,
  kSignatures,
  kTrackingCodes,
  kBallotIds,
  kOneCounted,
  kSpoiled,
  kTally,
  kPartials,
  kCounts,
  kLimits,
};

class Checklist {
 public:
  Checklist() {
    for (int n = 1; n <= kBoardChecks; ++n)
      checks_.push_back(CheckOutcome{n, kTitles[n - 1], 0, 0, std::nullopt});
  }
  void item(int n) { ++checks_[n - 1].checked; }
  bool passed(int n) const { return checks_[n - 1].passed(); }
  void fail(int n, Error error) {
    CheckOutcome& check = checks_[n - 1];
    if (!check.first_failure) check.first_failure = std::move(error);
    ++check.failures;
  }
  // Marks every check from `first` on as failed because check `cause` failed.
  void skip_from(int first, int cause) {
    for (int n = first; n <= kBoardChecks; ++n) {
      if (!checks_[n - 1].first_failure) {
        fail(n, Error{"vote.verify.skipped",
                      "",
                      {"Пропусната: зависи от проверка " + std::to_string(cause),
                       "Skipped: depends on check " + std::to_string(cause)},
                      {{"depends_on", cause}}});
      }
    }
  }
  BoardReport report() && { return BoardReport{std::move(checks_)}; }

 private:
  std::vector<CheckOutcome> checks_;
};

Error missing(const char* record) {
  return Error{"vote.verify.missing",
               "",
               {"Липсва запис от таблото", "A board record is missing"},
               {{"record", record}}};
}

Error verify_error(const char* code, const std::string& path, const char* bg, const char* en) {
  return Error{std::string("vote.verify.") + code, path, {bg, en}, {}};
}

// Which check a failure of verify_ballot belongs to.
int check_of(const Error& error) {
  if (error.code == "vote.ballot.option_proof" || error.code == "vote.ballot.selection_proof") {
    return kProofs;
  }
  if (error.code == "vote.ballot.signature") return kSignatures;
  if (error.code == "vote.ballot.tracking_code") return kTrackingCodes;
  return kWellFormed;
}

// Check 1 for the other records: each names the manifest's base hash.
void check_record_election(Checklist& list, const Json& record, const char* name,
                           const Bytes32& base_hash) {
  if (record.is_null()) return;
  list.item(kManifest);
  auto election = election_of(record);
  if (!election || *election != base_hash) {
    list.fail(kManifest, verify_error("wrong_election", std::string("/") + name + "/election",
                                      "Записът е за други избори",
                                      "The record names another election's base hash"));
  }
}

struct Entries {
  std::vector<BoardEntry> entries;  // those that parsed
  std::vector<std::size_t> lines;   // their index on the board
  std::vector<bool> valid;          // verify_ballot passed
};

// The independent piece of checks 5–8 for one line: parsing and verify_ballot.
struct LineCheck {
  std::optional<Result<BoardEntry>> entry;
  std::optional<Result<Unit>> verified;  // when the entry parsed
};

std::vector<LineCheck> check_lines(const Election& election, const Json& ballots,
                                   const ForEach& for_each) {
  std::vector<LineCheck> lines(ballots.size());
  for_each(lines.size(), [&](std::size_t i) {
    LineCheck& line = lines[i];
    line.entry = board_entry_from_json(election.manifest, ballots[i]);
    if (line.entry->ok()) line.verified = verify_ballot(election, line.entry->value().ballot);
  });
  return lines;
}

Entries check_ballots(Checklist& list, const Election& election, const Json& ballots,
                      const std::set<Bytes32>& credentials, const ForEach& for_each) {
  std::vector<LineCheck> lines = check_lines(election, ballots, for_each);
  Entries out;
  std::set<Bytes32> codes;
  std::set<BallotId> ids;
  std::map<std::string, Bytes32> chains;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string path = "/ballots/" + std::to_string(i);
    list.item(kWellFormed);
    Result<BoardEntry>& parsed = *lines[i].entry;
    if (!parsed) {
      list.fail(kWellFormed, prefixed(std::move(parsed).error(), path));
      continue;
    }
    BoardEntry& entry = parsed.value();
    const Ballot& ballot = entry.ballot;
    list.item(kProofs);
    list.item(kSignatures);
    list.item(kTrackingCodes);
    list.item(kBallotIds);
    const Result<Unit>& verified = *lines[i].verified;
    if (!verified)
      list.fail(check_of(verified.error()), prefixed(verified.error(), path + "/ballot"));
    if (credentials.count(ballot.credential) == 0) {
      list.fail(kSignatures, verify_error("credential_unlisted", path + "/ballot/credential",
                                          "Идентификаторът на гласоподавателя не е в списъка",
                                          "The ballot's credential is not on the credential list"));
    }
    if (!codes.insert(ballot.tracking_code).second) {
      list.fail(kTrackingCodes,
                verify_error("duplicate_tracking_code", path + "/ballot/tracking_code",
                             "Повтарящ се код за проследяване", "Duplicate tracking code"));
    }
    const auto chain = chains.find(ballot.device);
    const Bytes32 expected_previous = chain == chains.end()
                                          ? chain_start(election.manifest.base_hash, ballot.device)
                                          : chain->second;
    if (ballot.previous != expected_previous) {
      list.fail(kTrackingCodes, verify_error("broken_chain", path + "/ballot/previous",
                                             "Веригата на кодовете на устройството е прекъсната",
                                             "The device's chain of tracking codes is broken"));
    }
    chains[ballot.device] = ballot.tracking_code;
    if (!ids.insert(ballot.id).second) {
      list.fail(kBallotIds, verify_error("duplicate_ballot_id", path + "/ballot/id",
                                         "Повтарящ се номер на бюлетина", "Duplicate ballot id"));
    }
    out.entries.push_back(std::move(entry));
    out.lines.push_back(i);
    out.valid.push_back(verified.ok());
  }
  return out;
}

// Check 10's first half: the credential's ballots, in board order, are numbered 0, 1, …
// and each links to the tracking code of the one before (§6.6).
std::optional<Error> check_voter_chain(const Bytes32& base_hash, const Ballot& ballot,
                                       std::map<Bytes32, VoterHead>& heads,
                                       const std::string& path) {
  auto [head, first] = heads.try_emplace(ballot.credential);
  if (first) head->second.previous = voter_chain_start(base_hash, ballot.credential);
  const VoterHead expected = head->second;
  head->second = VoterHead{expected.sequence + 1, ballot.tracking_code};
  const char* field = ballot.sequence != expected.sequence         ? "sequence"
                      : ballot.voter_previous != expected.previous ? "voter_previous"
                                                                   : nullptr;
  if (field == nullptr) return std::nullopt;
  Error error =
      verify_error("voter_chain", path + "/ballot/" + field,
                   "Бюлетините на гласоподавателя липсват, разменени са или са добавени",
                   "The voter's signed chain of ballots is broken (dropped, reordered or added)");
  error.params["field"] = field;
  error.params["expected_sequence"] = expected.sequence;
  return error;
}

bool status_matches_choice(const BoardEntry& entry) {
  return (entry.status == EntryStatus::spoiled) == (entry.ballot.choice == Choice::spoil);
}

void check_statuses(Checklist& list, const Election& election, const Entries& board) {
  std::vector<BoardEntry> expected = board.entries;
  apply_revote_rule(expected);
  std::map<Bytes32, std::size_t> counted;  // cast entries per credential
  for (const BoardEntry& entry : board.entries) {
    if (entry.status == EntryStatus::cast) ++counted[entry.ballot.credential];
  }
  std::map<Bytes32, VoterHead> heads;
  for (std::size_t i = 0; i < board.entries.size(); ++i) {
    const BoardEntry& entry = board.entries[i];
    const std::string path = "/ballots/" + std::to_string(board.lines[i]);
    list.item(kOneCounted);
    if (auto broken = check_voter_chain(election.manifest.base_hash, entry.ballot, heads, path)) {
      list.fail(kOneCounted, std::move(*broken));
    } else if (!status_matches_choice(entry)) {
      list.fail(kOneCounted,
                verify_error("choice", path + "/status",
                             "Състоянието противоречи на подписания избор (пусната/развалена)",
                             "The status contradicts the voter's signed choice (cast or spoil)"));
    } else if (entry.status == EntryStatus::cast && counted[entry.ballot.credential] > 1) {
      list.fail(kOneCounted, verify_error("credential_reused", path + "/status",
                                          "Два преброени гласа с един идентификатор",
                                          "Two counted ballots carry the same credential"));
    } else if (entry.status != expected[i].status) {
      list.fail(kOneCounted,
                verify_error("status", path + "/status",
                             "Само последната бюлетина на гласоподавателя се брои",
                             "Only the voter's last ballot signed \"cast\" is counted"));
    }
    list.item(kSpoiled);
    if ((entry.status == EntryStatus::spoiled) != entry.opening.has_value()) {
      list.fail(kSpoiled,
                verify_error("opening", path + "/opening", "Само развалените бюлетини се разкриват",
                             "Exactly the spoiled ballots carry an opening"));
    } else if (entry.opening) {
      if (auto opened = verify_opening(election, entry.ballot, *entry.opening); !opened) {
        list.fail(kSpoiled, prefixed(std::move(opened).error(), path + "/opening"));
      }
    }
  }
}

// Checks 12-15. Returns nothing: failures go to the list.
void check_tally_and_result(Checklist& list, const Election& election, const Ceremony& ceremony,
                            const Entries& board, const BoardRecords& records,
                            const ForEach& for_each) {
  std::vector<const Ballot*> counted;
  for (std::size_t i = 0; i < board.entries.size(); ++i) {
    if (board.entries[i].status == EntryStatus::cast && board.valid[i]) {
      counted.push_back(&board.entries[i].ballot);
    }
  }
  const EncryptedTally expected = tally_ballots(election.manifest, counted, for_each);
  list.item(kTally);
  if (records.tally.is_null()) {
    list.fail(kTally, missing("tally.json"));
    return list.skip_from(kPartials, kTally);
  }
  auto tally = tally_from_json(records.tally);
  if (!tally) {
    list.fail(kTally, prefixed(std::move(tally).error(), "/tally"));
    return list.skip_from(kPartials, kTally);
  }
  if (!(*tally == expected)) {
    list.fail(kTally,
              verify_error("tally", "/tally",
                           "Шифрираният сбор не е произведението на преброените бюлетини",
                           "The encrypted tally is not the product of the counted ballots"));
    return list.skip_from(kPartials, kTally);
  }
  if (records.result.is_null()) {
    list.fail(kPartials, missing("result.json"));
    return list.skip_from(kCounts, kPartials);
  }
  auto record = decryption_from_json(election.manifest, records.result);
  if (!record) {
    list.fail(kPartials, prefixed(std::move(record).error(), "/result"));
    return list.skip_from(kCounts, kPartials);
  }
  std::set<std::uint32_t> trustees;
  for (std::size_t p = 0; p < record->partials.size(); ++p) {
    const PartialDecryption& partial = record->partials[p];
    const std::string path = "/result/partial_decryptions/" + std::to_string(p);
    list.item(kPartials);
    if (!trustees.insert(partial.trustee).second) {
      list.fail(kPartials,
                verify_error("duplicate_trustee", path + "/trustee", "Попечителят участва два пъти",
                             "The trustee appears twice"));
    } else if (auto verified = verify_partial_decryption(election, ceremony, *tally, partial);
               !verified) {
      list.fail(kPartials, prefixed(std::move(verified).error(), path));
    }
  }
  if (trustees.size() < ceremony.threshold) {
    // The same code as decrypt_tally's: one name for one condition.
    Error quorum{
        "vote.decryption.quorum",
        "/result/partial_decryptions",
        {"Недостатъчно попечители за дешифриране", "Not enough distinct trustees to decrypt"},
        {{"threshold", ceremony.threshold}, {"present", trustees.size()}}};
    list.fail(kPartials, std::move(quorum));
  }
  if (!list.passed(kPartials)) return list.skip_from(kCounts, kPartials);
  list.item(kCounts);
  if (auto counts = check_counts(election, ceremony, *tally, record->partials, record->counts);
      !counts) {
    list.fail(kCounts, prefixed(std::move(counts).error(), "/result"));
  }
  for (std::size_t c = 0; c < record->counts.size(); ++c) {
    const Contest& contest = election.manifest.contests[c];
    std::uint64_t sum = 0;
    for (std::uint64_t votes : record->counts[c]) sum += votes;
    list.item(kLimits);
    if (sum < contest.min * tally->ballots || sum > contest.max * tally->ballots) {
      list.fail(kLimits, verify_error("limits", "/result/counts/" + std::to_string(c),
                                      "Сборът на гласовете е извън границите на въпроса",
                                      "The contest's total is outside ballots × [min, max]"));
    }
  }
}

}  // namespace

BoardReport verify_board(const BoardRecords& records, const ForEach& for_each) {
  Checklist list;
  list.item(kManifest);
  if (records.manifest.is_null()) {
    list.fail(kManifest, missing("manifest.json"));
    list.skip_from(kTrustees, kManifest);
    return std::move(list).report();
  }
  auto manifest = parse_manifest(records.manifest);
  if (!manifest) {
    list.fail(kManifest, prefixed(std::move(manifest).error(), "/manifest"));
    list.skip_from(kTrustees, kManifest);
    return std::move(list).report();
  }
  const Bytes32& base_hash = manifest->base_hash;
  check_record_election(list, records.ceremony, "ceremony", base_hash);
  check_record_election(list, records.credentials, "credentials", base_hash);
  check_record_election(list, records.tally, "tally", base_hash);
  check_record_election(list, records.result, "result", base_hash);

  list.item(kTrustees);
  list.item(kJointKey);
  if (records.ceremony.is_null()) {
    list.fail(kTrustees, missing("ceremony.json"));
    list.skip_from(kJointKey, kTrustees);
    return std::move(list).report();
  }
  auto ceremony = ceremony_from_json(records.ceremony);
  if (!ceremony) {
    list.fail(kTrustees, prefixed(std::move(ceremony).error(), "/ceremony"));
    list.skip_from(kJointKey, kTrustees);
    return std::move(list).report();
  }
  if (auto verified = verify_ceremony(base_hash, *ceremony); !verified) {
    const bool key = verified.error().code == "vote.ceremony.joint_key";
    list.fail(key ? kJointKey : kTrustees, prefixed(std::move(verified).error(), "/ceremony"));
    list.skip_from(key ? kCredentials : kJointKey, key ? kJointKey : kTrustees);
    return std::move(list).report();
  }
  const Election election{*manifest, ceremony->joint_key};

  list.item(kCredentials);
  std::set<Bytes32> credentials;
  if (records.credentials.is_null()) {
    list.fail(kCredentials, missing("credentials.json"));
  } else if (auto listed = credentials_from_json(records.credentials); !listed) {
    list.fail(kCredentials, prefixed(std::move(listed).error(), "/credentials"));
  } else {
    credentials.insert(listed->begin(), listed->end());
  }

  if (records.ballots.is_null()) {
    list.fail(kWellFormed, missing("ballots.jsonl"));
    list.skip_from(kProofs, kWellFormed);
    return std::move(list).report();
  }
  if (!records.ballots.is_array()) {
    list.fail(kWellFormed, verify_error("ballots", "/ballots", "Бюлетините трябва да са списък",
                                        "The ballots must be a list of entries"));
    list.skip_from(kProofs, kWellFormed);
    return std::move(list).report();
  }
  const Entries board = check_ballots(list, election, records.ballots, credentials, for_each);
  check_statuses(list, election, board);
  check_tally_and_result(list, election, *ceremony, board, records, for_each);
  return std::move(list).report();
}

}  // namespace civic::vote
