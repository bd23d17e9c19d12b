// vote_storage.hpp — the records of "Sofia Chooses" (schema version 6), written once over
// Storage::transact / Storage::read, so that SQLite and PostgreSQL run the same statements.
//
// Races are decided by the database, never by the server process: an election changes
// only from the version it was read at (compare and set), a ballot is appended and a code
// issued (its rate limit counted) after taking the election's row (an UPDATE of it
// serialises them per election on every replica), a code's attempts count in one UPDATE,
// and audited changes (proposal decisions, sessions) take the audit chain's turn first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage.hpp"

namespace civic::server {

struct ElectionRow {
  std::string id;
  std::string state;
  std::int64_t version = 0;
  Json document = Json::object();  // elections/election.hpp names its members
  std::int64_t board_size = 0;
  std::string created_at;
};

struct ProposalRow {
  std::string reference;
  std::string status;         // admitted | rejected
  std::int64_t position = 0;  // decision order, from 1
  Json public_fields = Json::object();
  std::string reason;  // JSON text of {"bg"?, "en"?}, or ""
  std::string decided_by;
  std::string decided_at;
};

struct EligibleVoter {
  std::string voter;  // keyed hash of the personal number
  std::string birth_date;
  std::string permanent_settlement;
  std::string current_settlement;
};

struct VoterCredentialRow {
  std::string voter;
  std::string credential;  // Ed25519 public key, hex
  std::string sealed;      // crypto_box_seal of the seed, hex
};

struct CodeRow {
  std::string request;
  std::string election;
  std::string voter;
  std::string phone;  // keyed hash of the phone number
  std::string code_hash;
  std::int64_t issued_at = 0;
  std::int64_t attempts = 0;
  bool used = false;
};

struct VoterSession {
  std::string election;
  std::string voter;
};

struct BallotRow {
  std::int64_t position = 0;  // from 1, set by append_ballot
  std::string tracking_code;
  std::string credential;
  std::int64_t sequence = 0;
  std::string device;
  std::string status;  // cast | superseded | spoiled
  Json entry;          // the board entry as the core writes it (its status is `status`)
  std::string received_at;
};

// Where a new ballot must link: the credential's last (sequence, code) and the device's last
// code on the board; the caller gives the chain starts (civic/vote/ballot.hpp).
struct ChainCheck {
  std::string voter_chain_start;
  std::string device_chain_start;
  std::string voter_previous;
  std::string previous;
};

enum class AppendOutcome { appended, closed, stale };

class VoteStorage {
 public:
  explicit VoteStorage(Storage& storage) : storage_(storage) {}

  // false: an election with this id exists.
  Result<bool> create_election(const ElectionRow& row, const AuditEntry& entry);
  // Writes state and document if the stored version and board size are still row's (then
  // version + 1); false when another change, or a ballot, came first.
  Result<bool> update_election(const ElectionRow& row, const AuditEntry& entry);
  std::optional<ElectionRow> election(const std::string& id);
  std::vector<ElectionRow> elections();

  // false: the proposal was already decided. The position is given here.
  Result<bool> decide_proposal(const ProposalRow& row, const AuditEntry& entry);
  std::vector<ProposalRow> admitted_proposals();  // in admission order

  // Replaces the register of an election still in `state` (false: it moved on).
  Result<bool> replace_eligible(const std::string& election, const std::string& state,
                                const std::vector<EligibleVoter>& voters, const AuditEntry& entry);
  // Replaces the credentials and writes the election's document, in one transaction, if the
  // election is still at row.version (false otherwise).
  Result<bool> replace_credentials(const ElectionRow& row,
                                   const std::vector<VoterCredentialRow>& rows,
                                   const AuditEntry& entry);
  std::optional<EligibleVoter> eligible_voter(const std::string& election,
                                              const std::string& voter);
  std::int64_t eligible_count(const std::string& election);
  std::optional<VoterCredentialRow> credential_of(const std::string& election,
                                                  const std::string& voter);
  // The listed public credentials, hex, sorted (the order of credentials.json).
  std::vector<std::string> credentials(const std::string& election);

  // Inserts the code unless the voter or the phone already had `max_codes` codes issued at
  // or after `since` (false: rate limited).
  Result<bool> issue_code(const CodeRow& code, std::int64_t since, int max_codes);
  std::optional<CodeRow> code(const std::string& request);
  // Counts one attempt if the code still has `seen_attempts` and is unused, marking it used
  // when `correct` (false: another attempt came first).
  Result<bool> attempt_code(const std::string& request, std::int64_t seen_attempts, bool correct);

  // The session and its audit entry (who voted is on record; how is not).
  Result<bool> put_session(const std::string& token_hash, const VoterSession& session,
                           std::int64_t expires_at, const AuditEntry& entry);
  std::optional<VoterSession> session(const std::string& token_hash, std::int64_t now);

  // Appends the ballot if the election is open and the ballot continues its credential's
  // and its device's chains; a cast ballot supersedes the credential's earlier cast one.
  Result<AppendOutcome> append_ballot(const std::string& election, BallotRow& row,
                                      const ChainCheck& chain);
  // The credential's last (sequence + 1, code), or (0, "") before its first ballot.
  std::pair<std::int64_t, std::string> voter_head(const std::string& election,
                                                  const std::string& credential);
  std::string device_head(const std::string& election, const std::string& device);
  std::vector<BallotRow> ballots(const std::string& election, std::int64_t after, int limit);
  std::optional<BallotRow> ballot(const std::string& election, const std::string& tracking_code);

 private:
  Storage& storage_;
};

}  // namespace civic::server
