// Embind bindings of civickit.wasm, what a citizen's pages use (the tools and the vote are
// tools_bindings.cpp and vote_bindings.cpp): only binds.
// The idiomatic JavaScript API lives in js/index.mjs.
#include <emscripten/bind.h>

#include <optional>
#include <string>

#include "civic/api.hpp"
#include "civic/date.hpp"
#include "civic/form_session_json.hpp"
#include "civic/identity.hpp"
#include "civic/profile_json.hpp"
#include "civic/text.hpp"
#include "file_sealer.hpp"

namespace {

using civic::api::FormSessionJson;
using civic::api::ProfileJson;
using civic::wasm::FileSealer;

// The citizen's part of the JSON API through one entry point; see civic/api.hpp.
std::string call(const std::string& function, const std::string& input_json) {
  return civic::api::call_citizen(function, input_json);
}

// The hot small calls, direct: no JSON request to build and parse per call (a page may check
// a 100,000-row file). Each answers exactly what its JSON API function answers.

// id.check with number, kind ("" for any) and today as strings → id.check's output text. A
// request the function would refuse goes through the JSON API, so the refusal is its own.
std::string check_id(const std::string& number, const std::string& kind, const std::string& today) {
  const auto date = civic::parse_iso_date(today);
  std::optional<civic::IdKind> forced;
  bool known_kind = true;
  if (!kind.empty()) {
    const auto parsed = civic::parse_id_kind(kind);
    known_kind = static_cast<bool>(parsed);
    if (parsed) forced = *parsed;
  }
  if (!date || !known_kind) {
    civic::api::Json request{{"number", number}, {"today", today}};
    if (!kind.empty()) request["kind"] = kind;
    return civic::api::call_citizen("id.check", civic::api::dump(request));
  }
  return civic::api::dump(
      civic::api::id_check_to_json(number, civic::check_id(number, forced, *date)));
}

// text.translit's and text.fold's "text", for well-formed text.
std::string transliterate(const std::string& text) { return civic::transliterate(text); }
std::string fold_for_search(const std::string& text) { return civic::fold_for_search(text); }

// A form of a loaded profile (FormSessionJson's profile constructor); the JS side only calls
// it on a profile whose status() was ok.
FormSessionJson* profile_form_session(const ProfileJson& profile, const std::string& request) {
  return new FormSessionJson(*profile.profile(), request);
}

}  // namespace

EMSCRIPTEN_BINDINGS(civickit) {
  emscripten::function("call", &call);
  emscripten::function("checkId", &check_id);
  emscripten::function("transliterate", &transliterate);
  emscripten::function("foldForSearch", &fold_for_search);
  emscripten::class_<FormSessionJson>("FormSessionJson")
      .constructor<std::string>()
      .constructor(&profile_form_session, emscripten::allow_raw_pointers())
      .function("status", &FormSessionJson::status)
      .function("report", &FormSessionJson::report)
      .function("setAnswers", &FormSessionJson::set_answers)
      .function("setAnswer", &FormSessionJson::set_answer)
      .function("setToday", &FormSessionJson::set_today)
      .function("answers", &FormSessionJson::answers);
  emscripten::class_<ProfileJson>("ProfileJson")
      .constructor<std::string>()
      .function("status", &ProfileJson::status)
      .function("validateAddress", &ProfileJson::validate_address)
      .function("suggest", &ProfileJson::suggest)
      .function("checkEligibility", &ProfileJson::check_eligibility)
      .function("catalogue", &ProfileJson::catalogue)
      .function("seal", &ProfileJson::seal);
  emscripten::class_<FileSealer>("Sealer")
      .constructor<double, std::string, std::string>()
      .function("status", &FileSealer::status)
      .function("header", &FileSealer::header)
      .function("uploadId", &FileSealer::upload_id)
      .function("chunkCount", &FileSealer::chunk_count)
      .function("sealChunk", &FileSealer::seal_chunk)
      .function("sha256", &FileSealer::sha256);
  emscripten::constant("sealedFileChunkBytes", civic::sealed_file::kChunkBytes);
}
