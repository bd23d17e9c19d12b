#include "elections/vote_storage.hpp"

namespace civic::server {

namespace {

std::int64_t number(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

ElectionRow read_election(const SqlRow& row) {
  return ElectionRow{row[0], row[1], number(row[2]), Json::parse(row[3]), number(row[4]), row[5]};
}
constexpr const char* kElectionColumns = "id, state, version, document, board_size, created_at";

ProposalRow read_proposal(const SqlRow& row) {
  return ProposalRow{row[0], row[1], number(row[2]), Json::parse(row[3]), row[4], row[5], row[6]};
}

BallotRow read_ballot(const SqlRow& row) {
  return BallotRow{number(row[0]),      row[1], row[2], number(row[3]), row[4], row[5],
                   Json::parse(row[6]), row[7]};
}
constexpr const char* kBallotColumns =
    "position, tracking_code, credential, sequence, device, status, entry, received_at";

// The board entry JSON with its status set: {"status", "ballot", "opening"?}.
Json with_status(const Json& entry, const std::string& status) {
  Json out{{"status", status}};
  for (const auto& [key, value] : entry.items()) {
    if (key != "status") out[key] = value;
  }
  return out;
}

}  // namespace

Result<bool> VoteStorage::create_election(const ElectionRow& row, const AuditEntry& entry) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        if (!sql.query("SELECT 1 FROM elections WHERE id = ?", {row.id}).empty()) return false;
        sql.execute(
            "INSERT INTO elections (id, state, version, document, board_size, created_at) "
            "VALUES (?, ?, 1, ?, 0, ?)",
            {row.id, row.state, row.document.dump(), row.created_at});
        return true;
      },
      entry);
}

Result<bool> VoteStorage::update_election(const ElectionRow& row, const AuditEntry& entry) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        return sql.execute(
                   "UPDATE elections SET state = ?, document = ?, version = version + 1 "
                   "WHERE id = ? AND version = ? AND board_size = ?",
                   {row.state, row.document.dump(), row.id, row.version, row.board_size}) == 1;
      },
      entry);
}

std::optional<ElectionRow> VoteStorage::election(const std::string& id) {
  std::optional<ElectionRow> found;
  storage_.read([&](SqlRunner& sql) {
    const auto rows =
        sql.query(std::string("SELECT ") + kElectionColumns + " FROM elections WHERE id = ?", {id});
    if (!rows.empty()) found = read_election(rows.front());
  });
  return found;
}

std::vector<ElectionRow> VoteStorage::elections() {
  std::vector<ElectionRow> found;
  storage_.read([&](SqlRunner& sql) {
    for (const SqlRow& row : sql.query(std::string("SELECT ") + kElectionColumns +
                                       " FROM elections ORDER BY created_at, id")) {
      found.push_back(read_election(row));
    }
  });
  return found;
}

Result<bool> VoteStorage::decide_proposal(const ProposalRow& row, const AuditEntry& entry) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        if (!sql.query("SELECT 1 FROM proposals WHERE reference = ?", {row.reference}).empty()) {
          return false;
        }
        sql.execute(
            "INSERT INTO proposals (reference, status, position, public, reason, decided_by, "
            "decided_at) SELECT ?, ?, coalesce(max(position), 0) + 1, ?, ?, ?, ? FROM proposals",
            {row.reference, row.status, row.public_fields.dump(), row.reason, row.decided_by,
             row.decided_at});
        return true;
      },
      entry);
}

std::vector<ProposalRow> VoteStorage::admitted_proposals() {
  std::vector<ProposalRow> found;
  storage_.read([&](SqlRunner& sql) {
    for (const SqlRow& row :
         sql.query("SELECT reference, status, position, public, reason, decided_by, decided_at "
                   "FROM proposals WHERE status = 'admitted' ORDER BY position")) {
      found.push_back(read_proposal(row));
    }
  });
  return found;
}

Result<bool> VoteStorage::replace_eligible(const std::string& election, const std::string& state,
                                           const std::vector<EligibleVoter>& voters,
                                           const AuditEntry& entry) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        if (sql.query("SELECT 1 FROM elections WHERE id = ? AND state = ?", {election, state})
                .empty()) {
          return false;
        }
        sql.execute("DELETE FROM eligible_voters WHERE election = ?", {election});
        for (const EligibleVoter& voter : voters) {
          sql.execute(
              "INSERT INTO eligible_voters (election, voter, birth_date, permanent_settlement, "
              "current_settlement) VALUES (?, ?, ?, ?, ?)",
              {election, voter.voter, voter.birth_date, voter.permanent_settlement,
               voter.current_settlement});
        }
        return true;
      },
      entry);
}

Result<bool> VoteStorage::replace_credentials(const ElectionRow& row,
                                              const std::vector<VoterCredentialRow>& rows,
                                              const AuditEntry& entry) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        if (sql.execute("UPDATE elections SET document = ?, version = version + 1 "
                        "WHERE id = ? AND version = ? AND state = ?",
                        {row.document.dump(), row.id, row.version, row.state}) != 1) {
          return false;
        }
        sql.execute("DELETE FROM voter_credentials WHERE election = ?", {row.id});
        for (const VoterCredentialRow& credential : rows) {
          sql.execute(
              "INSERT INTO voter_credentials (election, voter, credential, sealed) "
              "VALUES (?, ?, ?, ?)",
              {row.id, credential.voter, credential.credential, credential.sealed});
        }
        return true;
      },
      entry);
}

std::optional<EligibleVoter> VoteStorage::eligible_voter(const std::string& election,
                                                         const std::string& voter) {
  std::optional<EligibleVoter> found;
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(
        "SELECT voter, birth_date, permanent_settlement, current_settlement "
        "FROM eligible_voters WHERE election = ? AND voter = ?",
        {election, voter});
    if (!rows.empty()) found = EligibleVoter{rows[0][0], rows[0][1], rows[0][2], rows[0][3]};
  });
  return found;
}

std::int64_t VoteStorage::eligible_count(const std::string& election) {
  std::int64_t count = 0;
  storage_.read([&](SqlRunner& sql) {
    count = number(
        sql.query("SELECT count(*) FROM eligible_voters WHERE election = ?", {election})[0][0]);
  });
  return count;
}

std::optional<VoterCredentialRow> VoteStorage::credential_of(const std::string& election,
                                                             const std::string& voter) {
  std::optional<VoterCredentialRow> found;
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(
        "SELECT voter, credential, sealed FROM voter_credentials WHERE election = ? AND voter = ?",
        {election, voter});
    if (!rows.empty()) found = VoterCredentialRow{rows[0][0], rows[0][1], rows[0][2]};
  });
  return found;
}

std::vector<std::string> VoteStorage::credentials(const std::string& election) {
  std::vector<std::string> found;
  storage_.read([&](SqlRunner& sql) {
    for (const SqlRow& row : sql.query(
             "SELECT credential FROM voter_credentials WHERE election = ? ORDER BY credential",
             {election})) {
      found.push_back(row[0]);
    }
  });
  return found;
}

Result<bool> VoteStorage::issue_code(const CodeRow& code, std::int64_t since, int max_codes) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        // Taking the election's row makes the count and the insert below one step on every
        // replica: parallel requests cannot all see room for one more code.
        sql.execute("UPDATE elections SET board_size = board_size WHERE id = ?", {code.election});
        const auto counts = sql.query(
            "SELECT (SELECT count(*) FROM voter_codes WHERE voter = ? AND issued_at >= ?), "
            "(SELECT count(*) FROM voter_codes WHERE phone = ? AND issued_at >= ?)",
            {code.voter, since, code.phone, since});
        if (number(counts[0][0]) >= max_codes || number(counts[0][1]) >= max_codes) return false;
        sql.execute(
            "INSERT INTO voter_codes (request, election, voter, phone, code_hash, issued_at, "
            "attempts, used) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
            {code.request, code.election, code.voter, code.phone, code.code_hash, code.issued_at});
        return true;
      },
      std::nullopt);
}

std::optional<CodeRow> VoteStorage::code(const std::string& request) {
  std::optional<CodeRow> found;
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(
        "SELECT request, election, voter, phone, code_hash, issued_at, attempts, used "
        "FROM voter_codes WHERE request = ?",
        {request});
    if (rows.empty()) return;
    const SqlRow& row = rows.front();
    found = CodeRow{row[0], row[1],         row[2],         row[3],
                    row[4], number(row[5]), number(row[6]), number(row[7]) != 0};
  });
  return found;
}

Result<bool> VoteStorage::attempt_code(const std::string& request, std::int64_t seen_attempts,
                                       bool correct) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        return sql.execute(
                   "UPDATE voter_codes SET attempts = attempts + 1, used = ? "
                   "WHERE request = ? AND attempts = ? AND used = 0",
                   {std::int64_t{correct ? 1 : 0}, request, seen_attempts}) == 1;
      },
      std::nullopt);
}

Result<bool> VoteStorage::put_session(const std::string& token_hash, const VoterSession& session,
                                      std::int64_t expires_at, const AuditEntry& entry) {
  return storage_.transact(
      [&](SqlRunner& sql) {
        sql.execute(
            "INSERT INTO voter_sessions (token_hash, election, voter, expires_at) "
            "VALUES (?, ?, ?, ?)",
            {token_hash, session.election, session.voter, expires_at});
        return true;
      },
      entry);
}

std::optional<VoterSession> VoteStorage::session(const std::string& token_hash, std::int64_t now) {
  std::optional<VoterSession> found;
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(
        "SELECT election, voter FROM voter_sessions WHERE token_hash = ? AND expires_at > ?",
        {token_hash, now});
    if (!rows.empty()) found = VoterSession{rows[0][0], rows[0][1]};
  });
  return found;
}

Result<AppendOutcome> VoteStorage::append_ballot(const std::string& election, BallotRow& row,
                                                 const ChainCheck& chain) {
  AppendOutcome outcome = AppendOutcome::appended;
  auto written = storage_.transact(
      [&](SqlRunner& sql) {
        // Taking the election's row first makes appends to one election take turns.
        if (sql.execute("UPDATE elections SET board_size = board_size + 1 "
                        "WHERE id = ? AND state = 'open'",
                        {election}) != 1) {
          outcome = AppendOutcome::closed;
          return false;
        }
        const auto voter = sql.query(
            "SELECT sequence, tracking_code FROM ballots WHERE election = ? AND credential = ? "
            "ORDER BY sequence DESC LIMIT 1",
            {election, row.credential});
        const std::int64_t sequence = voter.empty() ? 0 : number(voter[0][0]) + 1;
        const std::string& voter_previous = voter.empty() ? chain.voter_chain_start : voter[0][1];
        const auto device = sql.query(
            "SELECT tracking_code FROM ballots WHERE election = ? AND device = ? "
            "ORDER BY position DESC LIMIT 1",
            {election, row.device});
        const std::string& previous = device.empty() ? chain.device_chain_start : device[0][0];
        if (row.sequence != sequence || chain.voter_previous != voter_previous ||
            chain.previous != previous) {
          outcome = AppendOutcome::stale;
          return false;
        }
        row.position =
            number(sql.query("SELECT board_size FROM elections WHERE id = ?", {election})[0][0]);
        if (row.status == "cast") {
          sql.execute(
              "UPDATE ballots SET status = 'superseded' "
              "WHERE election = ? AND credential = ? AND status = 'cast'",
              {election, row.credential});
        }
        sql.execute(
            "INSERT INTO ballots (election, position, tracking_code, credential, sequence, device, "
            "status, entry, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {election, row.position, row.tracking_code, row.credential, row.sequence, row.device,
             row.status, row.entry.dump(), row.received_at});
        return true;
      },
      std::nullopt);
  if (!written) return written.error();
  return outcome;
}

std::pair<std::int64_t, std::string> VoteStorage::voter_head(const std::string& election,
                                                             const std::string& credential) {
  std::pair<std::int64_t, std::string> head{0, ""};
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(
        "SELECT sequence, tracking_code FROM ballots WHERE election = ? AND credential = ? "
        "ORDER BY sequence DESC LIMIT 1",
        {election, credential});
    if (!rows.empty()) head = {number(rows[0][0]) + 1, rows[0][1]};
  });
  return head;
}

std::string VoteStorage::device_head(const std::string& election, const std::string& device) {
  std::string head;
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(
        "SELECT tracking_code FROM ballots WHERE election = ? AND device = ? "
        "ORDER BY position DESC LIMIT 1",
        {election, device});
    if (!rows.empty()) head = rows[0][0];
  });
  return head;
}

std::vector<BallotRow> VoteStorage::ballots(const std::string& election, std::int64_t after,
                                            int limit) {
  std::vector<BallotRow> found;
  storage_.read([&](SqlRunner& sql) {
    for (const SqlRow& row :
         sql.query(std::string("SELECT ") + kBallotColumns +
                       " FROM ballots WHERE election = ? AND position > ? ORDER BY position "
                       "LIMIT ?",
                   {election, after, std::int64_t{limit}})) {
      BallotRow ballot = read_ballot(row);
      ballot.entry = with_status(ballot.entry, ballot.status);
      found.push_back(std::move(ballot));
    }
  });
  return found;
}

std::optional<BallotRow> VoteStorage::ballot(const std::string& election,
                                             const std::string& tracking_code) {
  std::optional<BallotRow> found;
  storage_.read([&](SqlRunner& sql) {
    const auto rows = sql.query(std::string("SELECT ") + kBallotColumns +
                                    " FROM ballots WHERE election = ? AND tracking_code = ?",
                                {election, tracking_code});
    if (rows.empty()) return;
    found = read_ballot(rows.front());
    found->entry = with_status(found->entry, found->status);
  });
  return found;
}

}  // namespace civic::server
