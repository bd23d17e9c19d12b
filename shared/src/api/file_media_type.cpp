#include "../envelope/encoding.hpp"
#include "civic/files.hpp"
#include "file_handlers.hpp"

namespace civic::api {

// file.media_type {"head": hex of the file's first bytes (up to 16)} → {"media_type"}, null
// when the bytes are of no known type.
Json file_media_type_handler(const Request& request) {
  auto head = request.string("head");
  if (!head) return failure(head.error());
  const auto bytes = head->size() % 2 == 0 && head->size() <= 2 * files::kSniffBytes
                         ? envelope::from_hex(*head, head->size() / 2)
                         : std::nullopt;
  if (!bytes) {
    return failure(Error{
        "api.bad_request",
        "/head",
        {"Очакват се до 16 байта в шестнайсетичен запис", "Up to 16 bytes written in hex expected"},
        {{"field", "head"}}});
  }
  const std::string_view type = files::media_type_of(*bytes);
  return Json{{"media_type", type.empty() ? Json(nullptr) : Json(type)}};
}

}  // namespace civic::api
