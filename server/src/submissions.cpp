#include "submissions.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <ctime>

#include "civic/api.hpp"
#include "civic/submission.hpp"
#include "files/submission_files.hpp"
#include "log.hpp"
#include "problem.hpp"
#include "random.hpp"
#include "signing/signed_declaration.hpp"

namespace civic::server {

namespace {

// The same answer for an unknown id and a wrong token: ids are not enumerable.
void submission_not_found(httplib::Response& response) {
  send_problem(response, 404, "not-found", "No submission with this id and token",
               {server_error("submission.not_found", "", "Няма такова заявление",
                             "There is no such submission")});
}

void not_correctable(httplib::Response& response) {
  send_problem(response, 409, "not-correctable", "This submission does not await a correction",
               {server_error("submission.not_correctable", "/corrects",
                             "Това заявление не очаква корекция (вече е коригирано или решено)",
                             "This submission does not await a correction (it was already "
                             "corrected or decided)")});
}

// For POST /api/v1/submissions?corrects=REF (Authorization: Bearer <REF's status code>): the
// submission corrected, "" when the request corrects nothing, nullopt after answering 404
// (not REF's code) or 409 (REF does not await a correction with this form).
std::optional<std::string> corrected_submission(App& app, const httplib::Request& request,
                                                httplib::Response& response,
                                                const std::string& form_id) {
  if (!request.has_param("corrects")) return std::string();
  const auto record =
      owned_submission(app, request.get_param_value("corrects"), bearer_token(request));
  if (!record) {
    submission_not_found(response);
    return std::nullopt;
  }
  if (record->status != "needs_correction" || record->form_id != form_id) {
    not_correctable(response);
    return std::nullopt;
  }
  return record->id;
}

void answer_stored(App& app, const Stored& stored, httplib::Response& response) {
  switch (stored.outcome) {
    case Stored::Outcome::created:
    case Stored::Outcome::existing: {
      const int status = stored.outcome == Stored::Outcome::created ? 201 : 200;
      app.metrics.count(status == 201 ? "submission_created" : "submission_repeated");
      response.status = status;
      response.set_content(R"({"receipt":)" + stored.receipt + "}", "application/json");
      return;
    }
    case Stored::Outcome::not_correctable: not_correctable(response); return;
    case Stored::Outcome::uploads_unavailable:
      app.metrics.count("submission_files_refused");
      send_problem(response, 422, "files-refused", "A file of the submission was refused",
                   {server_error("file.upload_missing", "",
                                 "Файл от заявлението вече не е на сървъра или е изпратен с "
                                 "друго заявление – изберете го отново и изпратете пак",
                                 "A file of this submission is no longer on the server or was "
                                 "sent with another submission – choose it again and send "
                                 "again")});
      return;
    case Stored::Outcome::signature_used:
      send_problem(response, 409, "signature-refused",
                   "This signature was already used for another submission",
                   {server_error("signature.used", "/signature_request",
                                 "Този подпис вече е използван за друго заявление",
                                 "This signature was already used for another submission")});
      return;
    case Stored::Outcome::conflict:
      app.metrics.count("submission_conflict");
      send_problem(response, 409, "idempotency-key-reused",
                   "This Idempotency-Key was already used for different content",
                   {server_error("submission.key_reused", "/idempotency_id",
                                 "Този ключ вече е използван за друго заявление",
                                 "This key was already used for another submission")});
      return;
  }
}

// Stores a signed submission (its signing request becomes used by it); a request used
// meanwhile by another submission stores nothing and answers 409 signature.used.
Result<Stored> store_signed(App& app, const NewSubmission& row, const std::string& request_id) {
  auto stored = SignatureStorage(*app.storage).store_signed(row, request_id);
  if (!stored) return stored.error();
  if (*stored) return **stored;
  return Stored{Stored::Outcome::signature_used, "", ""};
}

const std::string* string_member(const Json& envelope, const char* name) {
  if (!envelope.is_object() || !envelope.contains(name) || !envelope[name].is_string()) {
    return nullptr;
  }
  return &envelope[name].get_ref<const std::string&>();
}

}  // namespace

Date server_today(const Config& config) {
  if (auto fixed = parse_iso_date(config.today)) return *fixed;
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  return Date{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

void receive_submission(App& app, const httplib::Request& request, httplib::Response& response) {
  auto envelope = read_json_body(request, response, app.config.max_json_depth);
  if (!envelope) return;
  const std::string key = request.get_header_value("Idempotency-Key");
  if (key.empty()) {
    send_problem(response, 400, "idempotency-key-required", "The Idempotency-Key header is missing",
                 {server_error("submission.key_required", "", "Липсва ключ за еднократност",
                               "The Idempotency-Key header is missing")});
    return;
  }
  const std::string* id = string_member(*envelope, "idempotency_id");
  const std::string* hash = string_member(*envelope, "content_hash");
  if (id == nullptr || *id != key || hash == nullptr || key.size() != 32 ||
      key.find_first_not_of("0123456789abcdef") != std::string::npos) {
    send_problem(response, 422, "idempotency-key-mismatch",
                 "The Idempotency-Key header must equal the envelope's idempotency_id",
                 {server_error("submission.key_mismatch", "/idempotency_id",
                               "Ключът за еднократност не съвпада с плика",
                               "The Idempotency-Key does not match the envelope")});
    return;
  }
  // A retry of the very envelope answers at once. Anything else under a stored key is
  // opened and checked like a new envelope first: knowing the idempotency id and the content
  // hash alone must not yield the receipt (and its status token).
  const std::string text = api::dump(*envelope);
  if (auto stored = app.storage->find_by_key(key, *hash)) {
    if (stored->outcome == Stored::Outcome::conflict || stored->envelope == text) {
      answer_stored(app, *stored, response);
      return;
    }
  }

  const Json& form = (*envelope)["form"];
  const auto corrects = corrected_submission(
      app, request, response, form.is_object() ? form.value("id", std::string()) : std::string());
  if (!corrects) return;

  const auto published = app.profiles->current();
  auto opened = submission::open(*published->profile, *envelope, app.keys.envelope_secret,
                                 server_today(app.config));
  if (!opened) {
    app.metrics.count("submission_refused");
    send_problem(response, 422, "envelope-refused", "The envelope was refused", {opened.error()});
    return;
  }
  if (!opened->report.valid) {
    app.metrics.count("submission_invalid");
    send_problem(response, 422, "answers-invalid", "The answers do not pass the form's checks",
                 opened->report.errors,
                 {{"report", forms::to_json(*opened->form, opened->report)}});
    return;
  }

  UploadStorage uploads(*app.storage);
  const SubmissionFiles files = check_submission_files(uploads, *opened, app.keys.envelope_secret);
  if (!files.errors.empty()) {
    app.metrics.count("submission_files_refused");
    send_problem(response, 422, "files-refused", "A file of the submission was refused",
                 files.errors);
    return;
  }

  const auto signature = check_declaration_signature(app, request, *opened, response);
  if (signature.refused) return;

  const std::string received_at = utc_timestamp(unix_now());
  // A reference is 50 random bits: a clash with a stored one fails the insert below (503),
  // and the client's retry draws another.
  receipt::Facts facts{new_code(reference::Kind::submission),
                       *hash,
                       form["id"].get<std::string>(),
                       form["version"],
                       received_at,
                       new_code(reference::Kind::status)};
  if (const auto& signer = signature.request) {
    facts.signed_with =
        receipt::SignedWith{signer->subject, signer->serial, signer->issuer, signer->fingerprint};
  }
  auto receipt = receipt::sign(facts, app.keys.receipt_seed);
  if (!receipt) {
    send_problem(response, 500, "", "The receipt could not be made", {receipt.error()});
    return;
  }
  const NewSubmission row{(*receipt)["submission_id"].get<std::string>(),
                          key,
                          *hash,
                          form["id"].get<std::string>(),
                          api::dump(form["version"]),
                          opened->district,
                          text,
                          api::dump(*receipt),
                          received_at,
                          *corrects,
                          files.uploads};
  auto stored = signature.request ? store_signed(app, row, signature.request->id)
                                  : app.storage->store_submission(row);
  if (!stored) {
    log_event("error", "submission_store_failed", {{"code", stored.error().code}});
    send_storage_unavailable(response, "The submission could not be stored", {stored.error()});
    return;
  }
  answer_stored(app, *stored, response);
}

std::string as_stored(reference::Kind kind, const std::string& typed) {
  if (auto code = reference::parse(kind, typed)) return *code;
  std::string lower = typed;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::optional<SubmissionRecord> owned_submission(App& app, const std::string& typed_id,
                                                 const std::string& typed_token) {
  const std::string token = as_stored(reference::Kind::status, typed_token);
  auto record = app.storage->submission(as_stored(reference::Kind::submission, typed_id));
  if (!record || token.empty()) return std::nullopt;
  const Json receipt = Json::parse(record->receipt, nullptr, false);
  const std::string expected = receipt.value("status_token", "");
  if (expected.size() != token.size() ||
      sodium_memcmp(expected.data(), token.data(), token.size()) != 0) {
    return std::nullopt;
  }
  return record;
}

std::optional<SubmissionRecord> citizen_submission(App& app, const httplib::Request& request,
                                                   httplib::Response& response) {
  response.set_header("Cache-Control", "no-store");
  std::string token = bearer_token(request);
  if (token.empty()) token = request.get_param_value("token");
  auto record = owned_submission(app, request.matches[1], token);
  if (!record) submission_not_found(response);
  return record;
}

void submission_status(App& app, const httplib::Request& request, httplib::Response& response) {
  const auto record = citizen_submission(app, request, response);
  if (!record) return;
  Json body{{"submission_id", record->id}, {"status", record->status}};
  if (!record->decision.empty()) body["decision"] = Json::parse(record->decision, nullptr, false);
  body["updated_at"] = record->updated_at;
  if (!record->corrects.empty()) body["corrects"] = record->corrects;
  if (!record->corrected_by.empty()) body["corrected_by"] = record->corrected_by;
  send_json(response, 200, body);
}

}  // namespace civic::server
