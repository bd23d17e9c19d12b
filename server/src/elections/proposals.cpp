#include "elections/proposals.hpp"

#include "problem.hpp"

namespace civic::server::elections {

namespace {

// "45 000" or 45000 → 45000; null when it holds no whole number.
Json whole_euros(const Json& answer) {
  if (answer.is_number_integer()) return answer;
  if (!answer.is_string()) return nullptr;
  std::string digits;
  for (const char c : answer.get<std::string>()) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '\xC2' && c != '\xA0') {  // spaces, no-break spaces
      return nullptr;
    }
  }
  if (digits.empty() || digits.size() > 12) return nullptr;
  return std::stoll(digits);
}

}  // namespace

Result<Json> public_fields(const Json& answers) {
  if (answers.value("publish", Json()) != true) {
    return server_error("vote.proposal.no_consent", "/publish",
                        "Предложителят не е съгласен предложението да бъде публикувано",
                        "The proposer did not agree to publishing the proposal");
  }
  return Json{{"title", answers.value("title", Json())},
              {"description", answers.value("description", Json())},
              {"category", answers.value("category", Json())},
              {"scope", answers.value("scope", Json())},
              {"district", answers.value("target_district", Json())},
              {"cost_eur", whole_euros(answers.value("estimated_cost", Json()))}};
}

Json proposal_json(const ProposalRow& row) {
  Json out{{"id", row.reference}};
  for (const auto& [key, value] : row.public_fields.items()) out[key] = value;
  out["admitted_at"] = row.decided_at;
  return out;
}

}  // namespace civic::server::elections
