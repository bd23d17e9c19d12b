#include "files/submission_files.hpp"

#include <algorithm>

#include "civic/files.hpp"
#include "files/upload_reader.hpp"

namespace civic::server {

namespace {

Error missing(const std::string& path) {
  return Error{"file.upload_missing",
               path,
               {"Сървърът не е получил този файл – изберете го отново и изпратете пак",
                "The server did not receive this file – choose it again and send again"},
               {}};
}

Error incomplete(const std::string& path) {
  return Error{"file.upload_incomplete",
               path,
               {"Файлът не е качен докрай – изпратете заявлението отново, за да продължи "
                "качването",
                "The file has not finished uploading – send the submission again to go on "
                "uploading it"},
               {}};
}

Error mismatch(const std::string& path) {
  return Error{"file.mismatch",
               path,
               {"Полученият файл не съвпада с избрания – изберете го отново",
                "The file received does not match the one you chose – choose it again"},
               {}};
}

// The upload's plaintext, opened chunk by chunk, against what the answer says it is.
std::optional<Error> check_bytes(UploadStorage& uploads, const Upload& upload,
                                 const forms::FileAnswer& answer,
                                 const envelope::SecretKey& secret) {
  auto reader = UploadReader::open(uploads, upload, secret);
  if (!reader) return mismatch(answer.pointer);
  std::string_view media_type;
  for (std::size_t i = 0; i < reader->chunk_count(); ++i) {
    auto plaintext = reader.value().chunk(i);
    if (!plaintext) return mismatch(answer.pointer);
    if (i == 0) {
      media_type =
          files::media_type_of(std::span<const std::uint8_t>(*plaintext)
                                   .first(std::min(plaintext->size(), files::kSniffBytes)));
    }
  }
  if (reader->sha256().value() != answer.file.value("sha256", "") ||
      media_type != answer.file.value("media_type", "")) {
    return mismatch(answer.pointer);
  }
  const auto& accept = answer.field.accept;
  if (std::find(accept.begin(), accept.end(), media_type) == accept.end()) {
    return Error{"form.file_type",
                 answer.pointer,
                 {"Този вид файл не се приема тук", "This kind of file is not accepted here"},
                 {{"accept", accept}}};
  }
  if (upload.size > answer.field.max_size) {
    return Error{
        "form.file_too_large",
        answer.pointer,
        {"Файлът е по-голям, отколкото се приема тук", "The file is larger than accepted here"},
        {{"limit", answer.field.max_size}}};
  }
  return std::nullopt;
}

}  // namespace

SubmissionFiles check_submission_files(UploadStorage& uploads, const submission::Opened& opened,
                                       const envelope::SecretKey& secret) {
  SubmissionFiles out;
  for (const forms::FileAnswer& answer : forms::file_answers(*opened.form, opened.report.answers)) {
    const std::string id = answer.file.value("upload", "");
    const std::optional<Upload> upload = id.empty() ? std::nullopt : uploads.find(id);
    if (!upload) {
      out.errors.push_back(missing(answer.pointer));
      continue;
    }
    if (upload->size != answer.file.value("size", std::int64_t{-1})) {
      out.errors.push_back(mismatch(answer.pointer));
      continue;
    }
    if (static_cast<std::int64_t>(uploads.received(id).size()) != upload->chunks) {
      out.errors.push_back(incomplete(answer.pointer));
      continue;
    }
    if (auto refused = check_bytes(uploads, *upload, answer, secret)) {
      out.errors.push_back(std::move(*refused));
      continue;
    }
    if (std::find(out.uploads.begin(), out.uploads.end(), id) == out.uploads.end()) {
      out.uploads.push_back(id);
    }
  }
  return out;
}

}  // namespace civic::server
