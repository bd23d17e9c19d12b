#include "decisions.hpp"

namespace civic::server {

namespace {

bool is_final(const std::string& status) { return status == "approved" || status == "rejected"; }

bool is_decision(const std::string& status) {
  return is_final(status) || status == "needs_correction" || status == kReopened;
}

Refusal refusal(int status, const char* code, const char* bg, const char* en) {
  return Refusal{status, Error{code, "/status", {bg, en}, {}}};
}

}  // namespace

std::optional<Refusal> check_transition(const std::string& from, const std::string& to,
                                        bool is_admin) {
  if (!is_decision(to)) {
    return refusal(422, "operator.bad_decision",
                   "Изберете решение: одобрено, отказано или нужна е корекция",
                   "Choose a decision: approved, rejected or needs correction");
  }
  if (to == kReopened) {
    if (!is_final(from)) {
      return refusal(409, "operator.bad_transition",
                     "Само решено заявление може да бъде отворено отново",
                     "Only a decided submission can be reopened");
    }
    if (!is_admin) {
      return refusal(409, "operator.decision_final",
                     "Решението е окончателно; само администратор може да го отвори отново",
                     "The decision is final; only an administrator can reopen it");
    }
    return std::nullopt;
  }
  if (from == "corrected") {
    return refusal(409, "operator.decision_final",
                   "Гражданинът е подал коригирано заявление; решете по него",
                   "The citizen has sent a corrected submission; decide that one");
  }
  if (is_final(from)) {
    return refusal(409, "operator.decision_final",
                   "Решението е окончателно; администратор може да отвори заявлението отново",
                   "The decision is final; an administrator can reopen the submission");
  }
  return std::nullopt;
}

bool is_reason(const nlohmann::ordered_json& reason) {
  if (!reason.is_object() || reason.empty()) return false;
  bool some_text = false;
  for (const auto& [language, text] : reason.items()) {
    if ((language != "bg" && language != "en") || !text.is_string() ||
        text.get_ref<const std::string&>().size() > kMaxReasonBytes) {
      return false;
    }
    some_text = some_text || !text.get_ref<const std::string&>().empty();
  }
  return some_text;
}

bool needs_reason(const std::string& to) { return to != "approved"; }

std::optional<nlohmann::ordered_json> missing_fields(const nlohmann::ordered_json& missing,
                                                     const forms::Form& form) {
  if (!missing.is_array() || missing.empty() || missing.size() > kMaxMissing) return std::nullopt;
  auto named = nlohmann::ordered_json::array();
  for (const auto& id : missing) {
    if (!id.is_string()) return std::nullopt;
    const auto name = forms::field_name(form, id.get_ref<const std::string&>());
    if (!name) return std::nullopt;
    for (const auto& earlier : named) {
      if (earlier["field"] == id) return std::nullopt;
    }
    named.push_back({{"field", id}, {"name", {{"bg", name->bg}, {"en", name->en}}}});
  }
  return named;
}

}  // namespace civic::server
