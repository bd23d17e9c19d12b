#include "elections/vote_http.hpp"

#include <algorithm>

#include "limits.hpp"
#include "problem.hpp"

namespace civic::server::elections {

void refuse(httplib::Response& response, int status, const Error& error) {
  std::string type = error.code;
  std::replace(type.begin(), type.end(), '.', '-');
  std::replace(type.begin(), type.end(), '_', '-');
  send_problem(response, status, type, error.message.en, {error});
}

void refuse(httplib::Response& response, int status, std::string code, std::string bg,
            std::string en, const std::string& path) {
  refuse(response, status, server_error(std::move(code), path, std::move(bg), std::move(en)));
}

void storage_unavailable(httplib::Response& response, const Error& error) {
  send_storage_unavailable(response, "The change could not be stored", {error});
}

void changed_meanwhile(httplib::Response& response) {
  refuse(response, 409, "vote.election.conflict",
         "Гласуването се промени междувременно; опитайте отново",
         "The election changed meanwhile; try again");
}

std::optional<ElectionRow> find_election(App& app, const httplib::Request& request,
                                         httplib::Response& response) {
  auto row = app.vote->store.election(request.matches[1]);
  if (!row) {
    refuse(response, 404, "vote.election.unknown", "Няма такова гласуване",
           "There is no such election");
  }
  return row;
}

std::optional<Json> object_body(App& app, const httplib::Request& request,
                                httplib::Response& response) {
  auto body = read_json_body(request, response, app.config.max_json_depth);
  if (!body) return std::nullopt;
  if (!body->is_object()) {
    refuse(response, 400, "api.bad_request", "Очаква се JSON обект", "A JSON object is expected");
    return std::nullopt;
  }
  return body;
}

bool in_state(const ElectionRow& row, const std::string& state, httplib::Response& response) {
  if (row.state == state) return true;
  Error error =
      server_error("vote.election.state", "",
                   "Гласуването е в състояние „" + row.state + "“, а това става в „" + state + "“",
                   "The election is " + row.state + "; this is done when it is " + state);
  error.params = {{"state", row.state}, {"needed", state}};
  refuse(response, 409, error);
  return false;
}

}  // namespace civic::server::elections
