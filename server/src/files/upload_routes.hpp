// upload_routes.hpp — a citizen's sealed files, uploaded chunk by chunk (docs/files.md).
//
//   POST /api/v1/uploads {"header": 192 hex, "size"}  → 201 {"upload","chunks","received"}; the
//        same header again → 200 as stored. 400 upload.bad_header (not 96 bytes, or not sealed
//        to this municipality) / upload.bad_size; 409 upload.size_conflict (the header is
//        stored with another size); 413 upload.too_large (over the largest max_size of the
//        profile's file fields); 429 upload.too_many (the client holds
//        Config::max_pending_uploads unattached uploads).
//   PUT  /api/v1/uploads/{id}/chunks/{i}  application/octet-stream, one sealed chunk. The
//        chunk is authenticated before it is stored (sealed, as it came): 201 stored, 200 the
//        same bytes were stored before (nothing stored again), 409 upload.chunk_conflict
//        (other bytes are stored there), 422 upload.chunk_invalid, 400 upload.bad_index /
//        upload.bad_chunk_size, 413 upload.chunk_too_large, 415 upload.unsupported_type
//        (chunk 0's bytes are of no type a file field accepts), 404 upload.not_found, 409
//        upload.attached. Answers as GET.
//   GET  /api/v1/uploads/{id}  → 200 {"upload","chunks","received":[indices],"attached"}: what
//        a client resumes from; 404 upload.not_found.
// No sign-in: an upload id is unguessable, and only the device holding the file key makes
// chunks that authenticate.
#pragma once

#include "app.hpp"
#include "router.hpp"

namespace civic::server {

void add_upload_routes(Router& router, App& app);

}  // namespace civic::server
