// submission_files.hpp — the files of a submission being received, checked against their
// uploads before anything is stored (docs/files.md).
//
// Every file answer must name a complete upload whose opened bytes have the answer's size,
// SHA-256 and media type (sniffed from the bytes), that type in its field's accept and the
// size under its max_size. Each upload is opened chunk by chunk: one chunk's plaintext in
// memory at a time, none written anywhere.
#pragma once

#include <string>
#include <vector>

#include "civic/submission.hpp"
#include "files/upload_storage.hpp"

namespace civic::server {

struct SubmissionFiles {
  std::vector<std::string> uploads;  // each upload named, once (NewSubmission::uploads)
  // file.upload_missing, file.upload_incomplete, file.mismatch, form.file_type,
  // form.file_too_large; the path is the file answer's JSON pointer. Empty: all files pass.
  std::vector<Error> errors;
};

// Checks the file answers of `opened` (a valid report's canonical answers). Throws
// StorageError when the database fails.
SubmissionFiles check_submission_files(UploadStorage& uploads, const submission::Opened& opened,
                                       const envelope::SecretKey& secret);

}  // namespace civic::server
