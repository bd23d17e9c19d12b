#include "dispatch.hpp"

#include <algorithm>

#include "civic/json_text.hpp"
#include "civic/strict_json.hpp"

namespace civic::api {

Json error_to_json(const Error& error) {
  return Json{{"code", error.code},
              {"path", error.path},
              {"message", {{"bg", error.message.bg}, {"en", error.message.en}}},
              {"params", error.params}};
}

Json failure(const Error& error) { return Json{{"error", error_to_json(error)}}; }

std::string dump(const Json& value) { return json_text(value); }

Json call_json_in(std::initializer_list<HandlerTable> tables, std::string_view function,
                  const Json& input) {
  Handler handler = nullptr;
  for (const HandlerTable table : tables) {
    const auto found = std::find_if(table.begin(), table.end(), [function](const HandlerEntry& e) {
      return e.name == function;
    });
    if (found != table.end()) {
      handler = found->handler;
      break;
    }
  }
  if (handler == nullptr) {
    return failure(Error{"api.unknown_function",
                         "",
                         {"Няма такава функция", "There is no such function"},
                         {{"function", std::string(function)}}});
  }
  if (!input.is_object()) {
    return failure(Error{"api.bad_request",
                         "",
                         {"Заявката трябва да е JSON обект", "The request must be a JSON object"},
                         {}});
  }
  // The last line of defence, native only: wasm is built without exceptions (a throw aborts),
  // so the handlers' typed reading of the input is what keeps a call from failing.
#if defined(__cpp_exceptions)
  try {
    return handler(Request{input});
  } catch (...) {
    return failure(Error{
        "api.internal",
        "",
        {"Вътрешна грешка при изпълнение на функцията", "An internal error stopped the function"},
        {{"function", std::string(function)}}});
  }
#else
  return handler(Request{input});
#endif
}

std::string call_in(std::initializer_list<HandlerTable> tables, std::string_view function,
                    std::string_view input_json) {
  // Strict: a request with a BOM or a repeated member name means different things to
  // different readers, so it is refused (json.bom, json.duplicate_key). Deeper inputs are
  // refused before anything recurses over them (dump, canonicalisation): wasm's stack is a
  // few megabytes.
  constexpr std::size_t kMaxDepth = 1000;
  auto input = parse_strict_json(input_json, kMaxDepth);
  if (!input && input.error().code == "json.syntax") {
    return dump(failure(Error{
        "api.bad_json", "", {"Заявката не е валиден JSON", "The request is not valid JSON"}, {}}));
  }
  if (!input && input.error().code == "json.too_deep") {
    return dump(
        failure(Error{"api.too_deep",
                      "",
                      {"Заявката е вложена твърде дълбоко", "The request is nested too deeply"},
                      {{"max_depth", kMaxDepth}}}));
  }
  if (!input) return dump(failure(input.error()));
  return dump(call_json_in(tables, function, *input));
}

}  // namespace civic::api
