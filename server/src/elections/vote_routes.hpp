// vote_routes.hpp — the "Sofia Chooses" API (server/openapi.yaml; docs/vote-server.md).
#pragma once

#include "app.hpp"
#include "router.hpp"

namespace civic::server::elections {

using Handler = void (*)(App&, const httplib::Request&, httplib::Response&);

// A route handler bound to the app; answers are never cached (they carry sessions, codes
// and a board that grows).
inline Router::Handler bind(App& app, Handler handler) {
  return [&app, handler](const httplib::Request& request, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    handler(app, request, response);
  };
}

void add_proposal_routes(Router& router, App& app);  // proposal_routes.cpp
void add_election_routes(Router& router, App& app);  // election_routes.cpp
void add_voter_routes(Router& router, App& app);     // voter_routes.cpp
void add_ballot_routes(Router& router, App& app);    // ballot_routes.cpp
void add_result_routes(Router& router, App& app);    // result_routes.cpp

inline void add_vote_routes(Router& router, App& app) {
  add_proposal_routes(router, app);
  add_election_routes(router, app);
  add_voter_routes(router, app);
  add_ballot_routes(router, app);
  add_result_routes(router, app);
}

}  // namespace civic::server::elections
