#include "elections/eligible_csv.hpp"

#include <algorithm>
#include <unordered_set>

#include "civic/date.hpp"
#include "civic/vote/voter_keys.hpp"
#include "problem.hpp"

namespace civic::server::elections {

namespace {

constexpr std::size_t kMaxErrors = 100;

std::vector<std::string> split_line(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    cells.push_back(line.substr(start, comma - start));
    if (comma == std::string::npos) return cells;
    start = comma + 1;
  }
}

bool is_hex64(const std::string& text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_settlement(const std::string& text) {
  return text.empty() || (text.size() == 5 && std::all_of(text.begin(), text.end(), [](char c) {
                            return c >= '0' && c <= '9';
                          }));
}

Error line_error(std::size_t line, const char* code, const std::string& bg, const std::string& en) {
  return server_error(code, "/lines/" + std::to_string(line), bg, en);
}

}  // namespace

EligibleCsv parse_eligible_csv(const std::string& csv) {
  EligibleCsv out;
  std::unordered_set<std::string> seen;
  std::size_t start = 0;
  std::size_t line_number = 0;
  while (start < csv.size() && out.errors.size() < kMaxErrors) {
    std::size_t end = csv.find('\n', start);
    if (end == std::string::npos) end = csv.size();
    std::string line = csv.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1) {
      if (line != kEligibleHeader) {
        out.errors.push_back(line_error(1, "vote.register.header",
                                        std::string("Първият ред трябва да е ") + kEligibleHeader,
                                        std::string("The first line must be ") + kEligibleHeader));
        return out;
      }
      continue;
    }
    if (line.empty()) continue;
    const auto cells = split_line(line);
    if (cells.size() != 4) {
      out.errors.push_back(line_error(line_number, "vote.register.columns",
                                      "Редът трябва да има 4 колони", "The line needs 4 columns"));
      continue;
    }
    if (vote::is_personal_number(cells[0])) {
      out.errors.push_back(line_error(
          line_number, "vote.register.clear_number",
          "Редът съдържа ЕГН/ЛНЧ в явен вид; регистърът приема само ключов хеш (civic vote "
          "eligible)",
          "The line holds a personal number in clear; the register takes only its keyed hash "
          "(civic vote eligible)"));
      continue;
    }
    if (!is_hex64(cells[0])) {
      out.errors.push_back(line_error(line_number, "vote.register.voter",
                                      "voter трябва да е 64 шестнадесетични цифри",
                                      "voter must be 64 lower-case hex digits"));
      continue;
    }
    if (!parse_iso_date(cells[1]).ok()) {
      out.errors.push_back(line_error(line_number, "vote.register.birth_date",
                                      "Датата на раждане трябва да е ГГГГ-ММ-ДД",
                                      "The birth date must be YYYY-MM-DD"));
      continue;
    }
    if (!is_settlement(cells[2]) || !is_settlement(cells[3])) {
      out.errors.push_back(line_error(line_number, "vote.register.settlement",
                                      "Населеното място е код по ЕКАТТЕ (5 цифри) или празно",
                                      "A settlement is an EKATTE code (5 digits) or empty"));
      continue;
    }
    if (!seen.insert(cells[0]).second) {
      out.errors.push_back(line_error(line_number, "vote.register.duplicate",
                                      "Този избирател вече е в регистъра",
                                      "This voter is already on the register"));
      continue;
    }
    out.voters.push_back(EligibleVoter{cells[0], cells[1], cells[2], cells[3]});
  }
  if (line_number == 0) {
    out.errors.push_back(line_error(1, "vote.register.header",
                                    std::string("Първият ред трябва да е ") + kEligibleHeader,
                                    std::string("The first line must be ") + kEligibleHeader));
  }
  return out;
}

}  // namespace civic::server::elections
