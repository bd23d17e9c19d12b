#include "civic/reference.hpp"
#include "reference_handlers.hpp"

namespace civic::api {

// reference.parse {"text", "kind": "submission"|"status"} → {"reference", "display"}
Json reference_parse_handler(const Request& request) {
  auto text = request.string("text");
  if (!text) return failure(text.error());
  auto kind_name = request.string("kind");
  if (!kind_name) return failure(kind_name.error());
  auto kind = reference::parse_kind(*kind_name);
  if (!kind) return failure(kind.error());
  auto code = reference::parse(*kind, *text);
  if (!code) {
    Error error = std::move(code).error();
    error.path = "/text";
    return failure(error);
  }
  return Json{{"reference", *code}, {"display", reference::display(*code)}};
}

}  // namespace civic::api
