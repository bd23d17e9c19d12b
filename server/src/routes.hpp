// routes.hpp — the HTTP API by area (server/openapi.yaml describes every route).
#pragma once

#include "app.hpp"
#include "elections/vote_routes.hpp"
#include "files/file_routes.hpp"        // add_file_routes: operators' downloads
#include "files/upload_routes.hpp"      // add_upload_routes: citizens' sealed files
#include "payments/payment_routes.hpp"  // add_payment_routes: fees
#include "router.hpp"
#include "signing/signature_routes.hpp"  // add_signature_routes: e-signatures

namespace civic::server {

void add_system_routes(Router& router, App& app);    // /healthz, /metrics
void add_citizen_routes(Router& router, App& app);   // /api/v1/profile, /api/v1/submissions…
void add_operator_routes(Router& router, App& app);  // /api/v1/operator/…

// Every route, in the order registered.
inline void add_all_routes(Router& router, App& app) {
  add_system_routes(router, app);
  add_citizen_routes(router, app);
  add_upload_routes(router, app);
  add_operator_routes(router, app);
  add_file_routes(router, app);
  add_payment_routes(router, app);
  add_signature_routes(router, app);
  elections::add_vote_routes(router, app);
}

}  // namespace civic::server
