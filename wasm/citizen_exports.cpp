// C exports of civickit.wasm, what a citizen's pages use: the citizen's part of the JSON API
// (civic_call, wasm/boundary.hpp) and its hot small calls, direct. Profiles, form sessions and file
// sealers are profile_exports.cpp and sealer_exports.cpp; js/citizen.js is the JavaScript side.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "boundary.hpp"
#include "civic/api.hpp"
#include "civic/date.hpp"
#include "civic/identity.hpp"
#include "civic/text.hpp"

namespace {

using civic::wasm::answer;
using civic::wasm::Span;
using civic::wasm::text;

// The outcome of civic_check_id as js/citizen.js reads it, word by word: id.check's output
// without JSON. Spans point into static text or into known_errors.
struct IdAnswer {
  std::int32_t checked;  // 0: id.check would refuse the request (today, kind): ask it
  Span kind;             // "egn", "lnch" or "eik"
  std::int32_t error;    // -1 when valid, else the index of its code and message below
  Span sex;              // "male", "female", or empty
  std::int32_t birth_year, birth_month, birth_day;  // 0 without a birth date
  Span code, message_bg, message_en;                // the error's, in known_errors
};
static_assert(sizeof(IdAnswer) == 15 * 4, "js/citizen.js reads IdAnswer as 15 words");

// An error's code and message, as id.check gives them.
struct KnownError {
  std::string code;
  civic::Message message;
};

// The errors the checks have given so far, each once, in the order first given: a handful (each
// kind of number has a few), so that js/citizen.js decodes each once and then knows it by index.
std::vector<KnownError> known_errors;

// The index of `error`'s code and message in known_errors, added when new.
std::int32_t known_error_index(const civic::Error& error) {
  for (std::size_t i = 0; i < known_errors.size(); ++i) {
    const KnownError& known = known_errors[i];
    if (known.code == error.code && known.message.bg == error.message.bg &&
        known.message.en == error.message.en) {
      return static_cast<std::int32_t>(i);
    }
  }
  known_errors.push_back({error.code, error.message});
  return static_cast<std::int32_t>(known_errors.size() - 1);
}

Span span(std::string_view text) { return {text.data(), static_cast<std::uint32_t>(text.size())}; }

}  // namespace

// civickit.wasm answers the citizen's part of the JSON API.
std::string civic::wasm::call(std::string_view function, std::string_view input_json) {
  return civic::api::call_citizen(function, input_json);
}

extern "C" {

// id.check of `number` as `kind` (empty: any) on `today` ("YYYY-MM-DD"), for well-formed
// text: what id.check answers, field by field.
EMSCRIPTEN_KEEPALIVE const IdAnswer* civic_check_id(const char* number, std::size_t number_size,
                                                    const char* kind, std::size_t kind_size,
                                                    const char* today, std::size_t today_size) {
  static IdAnswer out;
  out = {};
  const auto date = civic::parse_iso_date(text(today, today_size));
  std::optional<civic::IdKind> forced;
  if (kind_size != 0) {
    const auto parsed = civic::parse_id_kind(text(kind, kind_size));
    if (!parsed) return &out;
    forced = *parsed;
  }
  if (!date) return &out;
  const civic::IdCheck check = civic::check_id(text(number, number_size), forced, *date);
  out.checked = 1;
  out.kind = span(civic::to_string(check.kind));
  out.error = -1;
  if (check.egn_info) {
    out.sex = span(civic::to_string(check.egn_info->sex));
    out.birth_year = check.egn_info->birth_date.year;
    out.birth_month = check.egn_info->birth_date.month;
    out.birth_day = check.egn_info->birth_date.day;
  }
  if (check.error) {
    out.error = known_error_index(*check.error);
    const KnownError& known = known_errors[static_cast<std::size_t>(out.error)];
    out.code = span(known.code);
    out.message_bg = span(known.message.bg);
    out.message_en = span(known.message.en);
  }
  return &out;
}

// text.translit's and text.fold's "text", for well-formed text.
EMSCRIPTEN_KEEPALIVE const Span* civic_transliterate(const char* input, std::size_t size) {
  return answer(civic::transliterate(text(input, size)));
}
EMSCRIPTEN_KEEPALIVE const Span* civic_fold_for_search(const char* input, std::size_t size) {
  return answer(civic::fold_for_search(text(input, size)));
}

}  // extern "C"
