// certificate_route.hpp — GET /api/v1/submissions/{id}/certificate: the certificate
// (civic/certificate.hpp) of an approved submission, for whoever holds its status code.
//
// Nothing is stored: the certificate is issued again from the stored envelope (opened with
// the municipality's key), the form's certificate fields and the approval's time, and signed
// with the receipt key, so every download is byte-identical. Answers 404 as the status
// lookup does, 409 certificate.not_issued before approval, 409 certificate.no_certificate
// when the form issues none. Nothing personal is logged.
#pragma once

#include <httplib.h>

#include "app.hpp"

namespace civic::server {

void send_certificate(App& app, const httplib::Request& request, httplib::Response& response);

}  // namespace civic::server
