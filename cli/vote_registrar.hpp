// The election commission's side of "Sofia Chooses" (docs/vote-server.md), run on its own
// machines, apart from civic-server's operators:
//   civic vote eligible PEOPLE.csv --key FILE --out ELIGIBLE.csv
//     the municipality's clear list (personal_number,birth_date,permanent_settlement,
//     current_settlement) → the register civic-server imports, the number replaced by
//     voter_hash(key, number); the clear numbers never leave this machine.
//   civic vote register BOARD --eligible ELIGIBLE.csv --server-key HEX --out UPLOAD.json
//     the registrar: one credential per eligible voter; BOARD/credentials.json (the public
//     list, sorted so its order tells nothing) and UPLOAD.json ({"credentials", "sealed":
//     [{"voter", "sealed"}]}: each seed sealed with crypto_box_seal to the server's envelope
//     key, for POST /api/v1/admin/elections/{id}/credentials). No seed is kept.
#pragma once

#include <optional>
#include <string>

namespace civic::cli {

int vote_eligible(const std::string& people, const std::optional<std::string>& key_file,
                  const std::optional<std::string>& out);
int vote_register(const std::string& board, const std::optional<std::string>& eligible,
                  const std::optional<std::string>& server_key,
                  const std::optional<std::string>& out);

}  // namespace civic::cli
