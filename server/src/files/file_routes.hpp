// file_routes.hpp — a submission's files, for the operators of its district (docs/files.md).
//
//   GET /api/v1/operator/submissions/{id}/files → 200 {"files": [{"index","field","pointer",
//       "name","media_type","size","sha256"}]}, in the order of the form (audited: files).
//   GET /api/v1/operator/submissions/{id}/files/{index} → the file's bytes, opened chunk by
//       chunk as they are sent, with its media type and Content-Disposition: attachment
//       (every answer carries X-Content-Type-Options: nosniff, middleware.hpp); audited:
//       file_download, with the index and SHA-256. 404 file.not_found for an index the
//       submission does not have.
// Both: 401 without a sign-in, 403 operator.wrong_district for an operator of another district.
// File names travel only in the answers and the Content-Disposition, never in logs or audits.
#pragma once

#include "app.hpp"
#include "router.hpp"

namespace civic::server {

void add_file_routes(Router& router, App& app);

}  // namespace civic::server
