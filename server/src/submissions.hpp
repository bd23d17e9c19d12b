// submissions.hpp — receiving a citizen's envelope, exactly once.
//
//   1. the body is an envelope (JSON) and the Idempotency-Key header is its idempotency_id;
//   2. a key already stored with other content → 409 at once; a retry of the very same
//      envelope (same JSON) → 200 with the stored receipt at once; any other body under a
//      stored key goes through step 3 first, so the id and hash alone never yield a receipt;
//   3. submission::open verifies the content hash, opens the seal and re-validates the
//      answers with the server's profile on the server's date (UTC): any failure → 422 with
//      the core's errors (and the report when the answers are invalid);
//   4. every file answer names a complete upload whose opened bytes match it
//      (files/submission_files.hpp): else 422 with file.* errors;
//   5. the receipt is signed and the row stored (group commit; the UNIQUE key decides a
//      race between parallel retries) with its uploads attached in the same transaction
//      (422 file.upload_missing when one was swept or taken meanwhile); 201 only after COMMIT.
// A correction (?corrects=REF with Authorization: Bearer <REF's status code>) is refused
// unless REF awaits a correction and has the same form (404 / 409 submission.not_correctable,
// checked again atomically when the row is stored); REF then becomes "corrected".
// Nothing is stored unless every step passed.
#pragma once

#include <httplib.h>

#include <optional>

#include "app.hpp"
#include "civic/reference.hpp"

namespace civic::server {

void receive_submission(App& app, const httplib::Request& request, httplib::Response& response);

// The submission `typed_id` when `typed_token` is its receipt's status code (either as a
// person types them), else nullopt.
std::optional<SubmissionRecord> owned_submission(App& app, const std::string& typed_id,
                                                 const std::string& typed_token);

// The submission named by the path's first match when the request carries its receipt's
// status token (Authorization: Bearer, or ?token=); otherwise answers 404 (the same for an
// unknown id and a wrong token) and returns nullopt. Marks the response no-store.
std::optional<SubmissionRecord> citizen_submission(App& app, const httplib::Request& request,
                                                   httplib::Response& response);

// GET /api/v1/submissions/{id} with the receipt's status token.
void submission_status(App& app, const httplib::Request& request, httplib::Response& response);

// What a person typed as a reference or status code (either case, with spaces or hyphens),
// as it is stored: the canonical code, or for the hex ids and tokens of format-1 receipts the
// text in lower case.
std::string as_stored(reference::Kind kind, const std::string& typed);

// The date answers are validated on: Config::today, else the clock's date (UTC).
Date server_today(const Config& config);

}  // namespace civic::server
