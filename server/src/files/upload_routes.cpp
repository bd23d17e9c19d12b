#include "files/upload_routes.hpp"

#include <charconv>

#include "civic/files.hpp"
#include "civic/sealed_file.hpp"
#include "files/chunk_text.hpp"
#include "files/upload_policy.hpp"
#include "files/upload_storage.hpp"
#include "problem.hpp"
#include "random.hpp"

namespace civic::server {

namespace {

using Request = httplib::Request;
using Response = httplib::Response;

constexpr std::size_t kMaxSealedChunk = sealed_file::kChunkBytes + sealed_file::kChunkOverhead;

void refuse(Response& response, int status, const char* code, const std::string& detail,
            const char* bg, const char* en) {
  send_problem(response, status, "upload", detail, {server_error(code, "", bg, en)});
}

void upload_not_found(Response& response) {
  refuse(response, 404, "upload.not_found", "No upload with this id",
         "Няма такова качване на файл – изберете файла отново",
         "There is no such file upload – choose the file again");
}

void attached(Response& response) {
  refuse(response, 409, "upload.attached", "The upload belongs to a submission already",
         "Този файл вече е изпратен със заявление", "This file was already sent with a submission");
}

// "1.5 MB" / "1,5 МБ" for a limit in bytes.
Message megabytes(std::int64_t bytes) {
  const std::int64_t tenths = bytes * 10 / (1024 * 1024);
  std::string whole = std::to_string(tenths / 10);
  if (tenths % 10 == 0) return {whole + " МБ", whole + " MB"};
  const std::string tenth = std::to_string(tenths % 10);
  return {whole + "," + tenth + " МБ", whole + "." + tenth + " MB"};
}

bool is_upload_id(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

Json upload_json(UploadStorage& uploads, const Upload& upload) {
  return Json{{"upload", upload.id},
              {"chunks", upload.chunks},
              {"received", uploads.received(upload.id)},
              {"attached", !upload.submission_id.empty()}};
}

// The upload named by the path's first match, or nullopt after answering 404.
std::optional<Upload> named_upload(UploadStorage& uploads, const Request& request,
                                   Response& response) {
  const std::string id = request.matches[1];
  std::optional<Upload> upload = is_upload_id(id) ? uploads.find(id) : std::nullopt;
  if (!upload) upload_not_found(response);
  return upload;
}

void create_upload(App& app, const Request& request, Response& response) {
  auto body = read_json_body(request, response, app.config.max_json_depth);
  if (!body) return;
  const Json header_hex = body->is_object() ? body->value("header", Json()) : Json();
  const Json size_value = body->is_object() ? body->value("size", Json()) : Json();
  if (!size_value.is_number_integer() || size_value.get<std::int64_t>() < 1 ||
      (size_value.is_number_unsigned() && size_value.get<std::uint64_t>() > INT64_MAX)) {
    return refuse(
        response, 400, "upload.bad_size", "size must be a whole number of bytes, at least 1",
        "Файлът е празен или размерът му е неверен", "The file is empty or its size is wrong");
  }
  const std::int64_t size = size_value.get<std::int64_t>();
  const UploadPolicy policy = upload_policy(*app.profiles->current()->profile);
  if (size > policy.max_size) {
    const Message limit = megabytes(policy.max_size);
    send_problem(
        response, 413, "upload", "The file is larger than any file field allows",
        {Error{"upload.too_large",
               "/size",
               policy.max_size == 0 ? Message{"Тази община не приема файлове по електронен път",
                                              "This municipality takes no files online"}
                                    : Message{"Файлът е твърде голям: най-много " + limit.bg,
                                              "The file is too large: at most " + limit.en},
               {{"limit", policy.max_size}}}});
    return;
  }
  const auto header = header_hex.is_string()
                          ? from_hex(header_hex.get<std::string>(), sealed_file::kHeaderBytes)
                          : std::nullopt;
  if (!header || !sealed_file::Opener::start(*header, static_cast<std::uint64_t>(size),
                                             app.keys.envelope_secret)) {
    return refuse(response, 400, "upload.bad_header",
                  "header must be 192 hex digits: a file key sealed to this municipality",
                  "Файлът не е запечатан за тази община – изберете го отново",
                  "The file is not sealed to this municipality – choose it again");
  }
  const std::span<const std::uint8_t, sealed_file::kHeaderBytes> header_bytes(header->data(),
                                                                              header->size());
  UploadStorage uploads(*app.storage);
  const Upload upload{sealed_file::upload_id(header_bytes),
                      header_hex.get<std::string>(),
                      size,
                      static_cast<std::int64_t>(sealed_file::chunk_count(size)),
                      utc_timestamp(app.now()),
                      "",
                      client_tag(app.keys, request.remote_addr)};
  auto created = uploads.create(upload, app.config.max_pending_uploads);
  if (!created) {
    return send_storage_unavailable(response, "The upload could not be stored", {created.error()});
  }
  if (*created == UploadCreated::too_many) {
    return refuse(response, 429, "upload.too_many",
                  "This client holds too many uploads not yet sent with a submission",
                  "Качили сте твърде много файлове, които още не са изпратени със заявление – "
                  "изпратете заявлението или опитайте отново по-късно",
                  "You have uploaded too many files not yet sent with a submission – send the "
                  "submission or try again later");
  }
  const auto stored = uploads.find(upload.id);
  if (!stored) return upload_not_found(response);  // swept between the two statements
  if (stored->size != size) {
    return refuse(
        response, 409, "upload.size_conflict", "This header is stored for a file of another size",
        "Файлът е променен – изберете го отново", "The file has changed – choose it again");
  }
  send_json(response, *created == UploadCreated::created ? 201 : 200,
            upload_json(uploads, *stored));
}

std::optional<std::size_t> chunk_index(const std::string& text) {
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (error != std::errc() || end != text.data() + text.size() || text.size() > 6) {
    return std::nullopt;
  }
  return index;
}

void put_chunk(App& app, const Request& request, Response& response) {
  UploadStorage uploads(*app.storage);
  const auto upload = named_upload(uploads, request, response);
  if (!upload) return;
  if (!upload->submission_id.empty()) return attached(response);
  const auto index = chunk_index(request.matches[2]);
  if (!index || *index >= static_cast<std::size_t>(upload->chunks)) {
    return refuse(response, 400, "upload.bad_index", "The file has no chunk with this index",
                  "Файлът няма част с този номер", "The file has no part with this number");
  }
  if (!has_media_type(request, "application/octet-stream")) {
    return refuse(response, 415, "http.media_type", "The body must be application/octet-stream",
                  "Частта от файла трябва да е изпратена като двоични данни",
                  "The part of the file must be sent as binary data");
  }
  if (request.body.size() > kMaxSealedChunk) {
    return refuse(response, 413, "upload.chunk_too_large", "A chunk is at most 262160 bytes",
                  "Частта от файла е твърде голяма", "The part of the file is too large");
  }
  const std::span<const std::uint8_t> sealed(
      reinterpret_cast<const std::uint8_t*>(request.body.data()), request.body.size());
  const auto header = from_hex(upload->header, sealed_file::kHeaderBytes);
  auto opener = sealed_file::Opener::start(*header, static_cast<std::uint64_t>(upload->size),
                                           app.keys.envelope_secret);
  Result<sealed_file::Bytes> plaintext = opener ? opener.value().open_chunk(*index, sealed)
                                                : Result<sealed_file::Bytes>(opener.error());
  if (!plaintext) {
    const std::string& code = plaintext.error().code;
    if (code == "sealed_file.bad_chunk_size") {
      return refuse(response, 400, "upload.bad_chunk_size",
                    "The chunk does not have the length its index needs",
                    "Частта от файла е с грешна дължина",
                    "The part of the file has the wrong length");
    }
    app.metrics.count("upload_chunk_invalid");
    return refuse(response, 422, "upload.chunk_invalid", "The chunk does not authenticate",
                  "Частта от файла е повредена – изпратете файла отново",
                  "The part of the file is damaged – send the file again");
  }
  if (*index == 0) {
    const UploadPolicy policy = upload_policy(*app.profiles->current()->profile);
    const auto head = std::span<const std::uint8_t>(*plaintext)
                          .first(std::min(plaintext->size(), files::kSniffBytes));
    if (!policy.accepts(files::media_type_of(head))) {
      return refuse(response, 415, "upload.unsupported_type",
                    "The file's bytes are of no type a file field accepts",
                    "Този вид файл не се приема – изберете PDF или изображение",
                    "This kind of file is not accepted – choose a PDF or an image");
    }
  }
  auto stored = uploads.put_chunk(upload->id, static_cast<std::int64_t>(*index), to_base64(sealed));
  if (!stored) {
    return send_storage_unavailable(response, "The chunk could not be stored", {stored.error()});
  }
  switch (*stored) {
    case ChunkStored::stored:
    case ChunkStored::same: {
      app.metrics.count(*stored == ChunkStored::stored ? "upload_chunk_stored"
                                                       : "upload_chunk_repeated");
      const auto now = uploads.find(upload->id);
      if (!now) return upload_not_found(response);
      send_json(response, *stored == ChunkStored::stored ? 201 : 200, upload_json(uploads, *now));
      return;
    }
    case ChunkStored::conflict:
      return refuse(response, 409, "upload.chunk_conflict", "Other bytes are stored for this chunk",
                    "Тази част от файла вече е получена с друго съдържание – изберете файла "
                    "отново",
                    "This part of the file was already received with other content – choose "
                    "the file again");
    case ChunkStored::unknown_upload: return upload_not_found(response);
    case ChunkStored::attached: return attached(response);
  }
}

void show_upload(App& app, const Request& request, Response& response) {
  UploadStorage uploads(*app.storage);
  response.set_header("Cache-Control", "no-store");
  const auto upload = named_upload(uploads, request, response);
  if (upload) send_json(response, 200, upload_json(uploads, *upload));
}

}  // namespace

void add_upload_routes(Router& router, App& app) {
  const auto bind = [&app](void (*handler)(App&, const Request&, Response&)) {
    return [&app, handler](const Request& request, Response& response) {
      handler(app, request, response);
    };
  };
  router.add("POST", "/api/v1/uploads", bind(create_upload));
  router.add("GET", "/api/v1/uploads/{id}", bind(show_upload));
  router.add("PUT", "/api/v1/uploads/{id}/chunks/{index}", bind(put_chunk));
}

}  // namespace civic::server
