// POST /api/v1/operator/proposals/{reference}/admit|reject and GET /api/v1/proposals.
#include "civic/api.hpp"
#include "civic/submission.hpp"
#include "decisions.hpp"
#include "elections/proposals.hpp"
#include "elections/vote_http.hpp"
#include "elections/vote_routes.hpp"
#include "operator_access.hpp"
#include "problem.hpp"
#include "random.hpp"
#include "submissions.hpp"

namespace civic::server::elections {

namespace {

using Request = httplib::Request;
using Response = httplib::Response;

// The opened answers of the pb_proposal submission named by the path, or nullopt after
// answering 404 / 422.
std::optional<Json> proposal_answers(App& app, const std::string& reference, Response& response) {
  const auto record = app.storage->submission(reference);
  if (!record) {
    refuse(response, 404, "submission.not_found", "Няма такова заявление",
           "There is no such submission");
    return std::nullopt;
  }
  if (record->form_id != kProposalForm) {
    refuse(response, 422, "vote.proposal.not_a_proposal", "Това заявление не е предложение",
           "This submission is not a proposal");
    return std::nullopt;
  }
  auto opened = opened_submission(app, *record, response);
  if (!opened) return std::nullopt;
  return opened->answers;
}

void decide(App& app, const Request& request, Response& response, const std::string& status) {
  const auto op = signed_in_as(app, request, response, {"pb", "admin"});
  if (!op) return;
  const auto body = request.body.empty() ? std::optional<Json>(Json::object())
                                         : object_body(app, request, response);
  if (!body) return;
  const Json reason = body->value("reason", Json());
  if (reason.is_null() ? status == "rejected" : !is_reason(reason)) {
    refuse(response, 422, "operator.bad_reason",
           "Напишете причината (на български, английски или и двата)",
           "Write the reason (in Bulgarian, English or both)", "/reason");
    return;
  }
  const std::string reference = as_stored(reference::Kind::submission, request.matches[1]);
  const auto answers = proposal_answers(app, reference, response);
  if (!answers) return;
  Json published = Json::object();
  if (status == "admitted") {
    auto fields = public_fields(*answers);
    if (!fields) return refuse(response, 422, fields.error());
    published = std::move(fields).value();
  }
  const ProposalRow row{reference,
                        status,
                        0,
                        published,
                        reason.is_null() ? "" : api::dump(reason),
                        op->username,
                        utc_timestamp(unix_now())};
  const auto decided = app.vote->store.decide_proposal(
      row,
      audit_entry(op->username, status == "admitted" ? "proposal_admit" : "proposal_reject",
                  reference, {{"reason_hash", row.reason.empty() ? "" : hash_hex(row.reason)}}));
  if (!decided) return storage_unavailable(response, decided.error());
  if (!*decided) {
    refuse(response, 409, "vote.proposal.decided", "За това предложение вече е взето решение",
           "This proposal has already been decided");
    return;
  }
  if (status == "admitted") {
    send_json(response, 200, proposal_json(row));
  } else {
    send_json(response, 200, {{"id", reference}, {"status", status}});
  }
}

void admit(App& app, const Request& request, Response& response) {
  decide(app, request, response, "admitted");
}

void reject(App& app, const Request& request, Response& response) {
  decide(app, request, response, "rejected");
}

void list_proposals(App& app, const Request&, Response& response) {
  Json proposals = Json::array();
  for (const ProposalRow& row : app.vote->store.admitted_proposals()) {
    proposals.push_back(proposal_json(row));
  }
  send_json(response, 200, {{"proposals", proposals}});
}

}  // namespace

void add_proposal_routes(Router& router, App& app) {
  router.add("POST", "/api/v1/operator/proposals/{reference}/admit", bind(app, admit));
  router.add("POST", "/api/v1/operator/proposals/{reference}/reject", bind(app, reject));
  router.add("GET", "/api/v1/proposals", bind(app, list_proposals));
}

}  // namespace civic::server::elections
