#include "files/file_routes.hpp"

#include <charconv>
#include <memory>

#include "civic/sealed_file.hpp"
#include "civic/submission.hpp"
#include "files/upload_reader.hpp"
#include "log.hpp"
#include "operator_access.hpp"
#include "problem.hpp"
#include "submissions.hpp"

namespace civic::server {

namespace {

using Request = httplib::Request;
using Response = httplib::Response;

// The file answers of a submission the operator may see, or nullopt after answering.
struct SubmissionFileList {
  SubmissionRecord record;
  std::vector<forms::FileAnswer> files;
};

std::optional<SubmissionFileList> file_list(App& app, const Operator& op, const Request& request,
                                            Response& response) {
  auto record = accessible_submission(app, op, request, response);
  if (!record) return std::nullopt;
  auto opened = opened_submission(app, *record, response);
  if (!opened) return std::nullopt;
  return SubmissionFileList{*record, forms::file_answers(*opened->form, opened->report.answers)};
}

void not_found(Response& response) {
  send_problem(response, 404, "not-found", "The submission has no file with this index",
               {server_error("file.not_found", "", "Заявлението няма такъв файл",
                             "The submission has no such file")});
}

void list_files(App& app, const Request& request, Response& response) {
  auto op = signed_in(app, request, response);
  if (!op) return;
  const auto list = file_list(app, *op, request, response);
  if (!list) return;
  Json files = Json::array();
  for (std::size_t i = 0; i < list->files.size(); ++i) {
    const forms::FileAnswer& answer = list->files[i];
    files.push_back(Json{{"index", i},
                         {"field", answer.field.id},
                         {"pointer", answer.pointer},
                         {"name", answer.file.value("name", "")},
                         {"media_type", answer.file.value("media_type", "")},
                         {"size", answer.file.value("size", 0)},
                         {"sha256", answer.file.value("sha256", "")}});
  }
  const auto audited = app.storage->audit(
      audit_entry(op->username, "files", list->record.id, {{"count", files.size()}}));
  if (!audited) {
    return send_storage_unavailable(response, "The access could not be audited", {audited.error()});
  }
  send_json(response, 200, Json{{"files", std::move(files)}});
}

// "filename*=UTF-8''…" (RFC 6266, RFC 8187): the citizen's file name, percent-encoded.
std::string encoded_file_name(const std::string& name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

void download_file(App& app, const Request& request, Response& response) {
  auto op = signed_in(app, request, response);
  if (!op) return;
  const auto list = file_list(app, *op, request, response);
  if (!list) return;
  const std::string& text = request.matches[2];
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (error != std::errc() || end != text.data() + text.size() || index >= list->files.size()) {
    return not_found(response);
  }
  const forms::FileAnswer& answer = list->files[index];
  auto uploads = std::make_shared<UploadStorage>(*app.storage);
  const auto upload = uploads->find(answer.file.value("upload", ""));
  if (!upload || upload->submission_id != list->record.id) return not_found(response);
  auto reader = UploadReader::open(*uploads, *upload, app.keys.envelope_secret);
  if (!reader) {
    send_problem(response, 500, "", "The stored file no longer opens", {reader.error()});
    return;
  }
  const std::string sha256 = answer.file.value("sha256", "");
  const auto audited = app.storage->audit(audit_entry(
      op->username, "file_download", list->record.id, {{"index", index}, {"sha256", sha256}}));
  if (!audited) {
    return send_storage_unavailable(response, "The access could not be audited", {audited.error()});
  }
  response.set_header("Cache-Control", "no-store");
  response.set_header("Content-Disposition",
                      "attachment; filename=\"file-" + std::to_string(index + 1) +
                          "\"; filename*=" + encoded_file_name(answer.file.value("name", "")));
  // Sent chunk by chunk: each is read, opened and written as the client takes it. A chunk
  // that fails to open (never, for a stored upload) ends the connection early.
  auto shared_reader = std::make_shared<UploadReader>(std::move(reader).value());
  response.set_content_provider(
      static_cast<std::size_t>(upload->size), answer.file.value("media_type", ""),
      [uploads, shared_reader](std::size_t offset, std::size_t, httplib::DataSink& sink) {
        const std::size_t chunk = offset / sealed_file::kChunkBytes;
        const std::size_t skip = offset % sealed_file::kChunkBytes;
        try {
          auto plaintext = shared_reader->chunk(chunk);
          if (!plaintext) {
            log_event("error", "file_download_failed", {{"code", plaintext.error().code}});
            return false;
          }
          return sink.write(reinterpret_cast<const char*>(plaintext->data()) + skip,
                            plaintext->size() - skip);
        } catch (const StorageError&) {
          log_event("error", "file_download_failed", {{"code", "storage.failed"}});
          return false;
        }
      });
}

}  // namespace

void add_file_routes(Router& router, App& app) {
  const auto bind = [&app](void (*handler)(App&, const Request&, Response&)) {
    return [&app, handler](const Request& request, Response& response) {
      handler(app, request, response);
    };
  };
  router.add("GET", "/api/v1/operator/submissions/{id}/files", bind(list_files));
  router.add("GET", "/api/v1/operator/submissions/{id}/files/{index}", bind(download_file));
}

}  // namespace civic::server
