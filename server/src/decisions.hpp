// decisions.hpp — what an operator may decide about a submission, given where it stands.
//
//   received, needs_correction → approved | rejected | needs_correction
//   approved, rejected          → final: nobody changes them, except that an admin (the
//                                 district's supervisor) may reopen one → received
//   corrected                   → final: the citizen sent a corrected submission (which
//                                 names this one); decide that one instead
//
// A rejection, a request for a correction and a reopening need a reason, in Bulgarian or
// English or both ({"bg"?, "en"?}, at least one non-empty); an approval may carry one. The
// citizen is shown the reason in their language, else in the other.
#pragma once

#include <optional>
#include <string>

#include "civic/forms.hpp"
#include "civic/result.hpp"

namespace civic::server {

inline constexpr const char* kReopened = "received";

// Why `to` cannot follow `from` for this operator, or nullopt when it may. Codes:
//   operator.decision_final  (409) approved/rejected, and the operator is not an admin;
//   operator.bad_transition  (409) a reopening of a submission that is not decided;
//   operator.bad_decision    (422) `to` is not a decision.
struct Refusal {
  int status;
  Error error;
};
std::optional<Refusal> check_transition(const std::string& from, const std::string& to,
                                        bool is_admin);

// Longest text of a reason, per language (reasons are stored and shown to the citizen).
inline constexpr std::size_t kMaxReasonBytes = 2000;

// A reason {"bg"?, "en"?} with at least one non-empty text of at most kMaxReasonBytes, and
// nothing else.
bool is_reason(const nlohmann::ordered_json& reason);

// Whether a decision of status `to` must give a reason.
bool needs_reason(const std::string& to);

// Most fields a request for a correction may name as missing.
inline constexpr std::size_t kMaxMissing = 20;

// What a request for a correction names as missing: 1..kMaxMissing distinct ids of `form`'s
// top-level fields (a document field, an answer) → [{"field","name":{"bg","en"}}], the
// names being how the form refers to them; nullopt when `missing` is anything else.
std::optional<nlohmann::ordered_json> missing_fields(const nlohmann::ordered_json& missing,
                                                     const forms::Form& form);

}  // namespace civic::server
