#include "civic/api.hpp"

#include <algorithm>
#include <vector>

#include "dispatch.hpp"

namespace civic::api {

std::vector<std::string> functions() {
  std::vector<std::string> names;
  for (const HandlerTable table : {citizen_table(), tools_table(), vote_table()}) {
    for (const HandlerEntry& entry : table) names.emplace_back(entry.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

Json call_json(std::string_view function, const Json& input) {
  return call_json_in({citizen_table(), tools_table(), vote_table()}, function, input);
}

std::string call(std::string_view function, std::string_view input_json) {
  return call_in({citizen_table(), tools_table(), vote_table()}, function, input_json);
}

}  // namespace civic::api
