// vote_http.hpp — what the vote routes share over HTTP: refusals and looking things up.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "app.hpp"

namespace civic::server::elections {

// Answers `status` with the one error (its code names the problem type: vote.code.wrong →
// vote-code-wrong) and its English message as the detail.
void refuse(httplib::Response& response, int status, const Error& error);
// refuse() with a server_error made here.
void refuse(httplib::Response& response, int status, std::string code, std::string bg,
            std::string en, const std::string& path = "");
void storage_unavailable(httplib::Response& response, const Error& error);
// 409 vote.election.conflict: another change (or a ballot) came first; try again.
void changed_meanwhile(httplib::Response& response);

// The election of the path's first parameter, or nullopt after answering 404
// vote.election.unknown.
std::optional<ElectionRow> find_election(App& app, const httplib::Request& request,
                                         httplib::Response& response);

// The JSON object body, or nullopt after answering (415/400, or 400 api.bad_request when it
// is not an object).
std::optional<Json> object_body(App& app, const httplib::Request& request,
                                httplib::Response& response);

// 409 vote.election.state unless the election is in `state`.
bool in_state(const ElectionRow& row, const std::string& state, httplib::Response& response);

}  // namespace civic::server::elections
