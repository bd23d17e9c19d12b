#include "certificates/certificate_route.hpp"
#include "problem.hpp"
#include "routes.hpp"
#include "submissions.hpp"

namespace civic::server {

void add_citizen_routes(Router& router, App& app) {
  router.add("GET", "/api/v1/profile",
             [&app](const httplib::Request& request, httplib::Response& response) {
               const auto published = app.profiles->current();
               response.set_header("ETag", published->etag);
               response.set_header("Cache-Control", "no-cache");
               if (request.get_header_value("If-None-Match") == published->etag) {
                 response.status = 304;
                 return;
               }
               response.set_content(published->bundle_text, "application/json");
             });
  router.add("POST", "/api/v1/submissions",
             [&app](const httplib::Request& request, httplib::Response& response) {
               receive_submission(app, request, response);
             });
  router.add("GET", "/api/v1/submissions/{id}",
             [&app](const httplib::Request& request, httplib::Response& response) {
               submission_status(app, request, response);
             });
  router.add("GET", "/api/v1/submissions/{id}/certificate",
             [&app](const httplib::Request& request, httplib::Response& response) {
               send_certificate(app, request, response);
             });
}

}  // namespace civic::server
