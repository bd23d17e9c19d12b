#include "elections/lifecycle.hpp"

#include <algorithm>
#include <iterator>

#include "problem.hpp"

namespace civic::server::elections {

namespace {

std::ptrdiff_t index_of(const std::string& state) {
  const auto* found = std::find(std::begin(kStates), std::end(kStates), state);
  return found == std::end(kStates) ? -1 : found - std::begin(kStates);
}

}  // namespace

bool is_state(const std::string& state) { return index_of(state) >= 0; }

std::optional<std::string> next_state(const std::string& state) {
  const std::ptrdiff_t index = index_of(state);
  if (index < 0 || index + 1 >= static_cast<std::ptrdiff_t>(std::size(kStates))) {
    return std::nullopt;
  }
  return kStates[index + 1];
}

bool results_public(const std::string& state) { return state == "published"; }

std::optional<Error> check_transition(const std::string& from, const std::string& to) {
  if (next_state(from) == to) return std::nullopt;
  Error error =
      server_error("vote.election.transition", "/to",
                   "Гласуването е в състояние „" + from + "“ и не може да премине в „" + to +
                       "“; редът е draft → ceremony → open → closed → tallied → published",
                   "The election is " + from + " and cannot move to " + to +
                       "; the order is draft → ceremony → open → closed → tallied → published");
  error.params = {{"from", from}, {"to", to}};
  return error;
}

}  // namespace civic::server::elections
