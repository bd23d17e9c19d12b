// C exports of civickit.wasm for what a page keeps open: a loaded profile
// (civic::api::ProfileJson) and a form being filled in (civic::api::FormSessionJson), as
// opaque handles; js/citizen.js is the JavaScript side. Every answer is the JSON text the
// class gives.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <string>

#include "boundary.hpp"
#include "civic/form_session_json.hpp"
#include "civic/profile_json.hpp"

namespace {

using civic::api::FormSessionJson;
using civic::api::ProfileJson;
using civic::wasm::answer;
using civic::wasm::Span;

// A copy of the caller's text, as the classes take it.
std::string owned(const char* data, std::size_t size) { return {data, size}; }

}  // namespace

extern "C" {

// A profile bundle (JSON text); its status() says whether it was loaded.
EMSCRIPTEN_KEEPALIVE ProfileJson* civic_profile_new(const char* bundle, std::size_t size) {
  return new ProfileJson(owned(bundle, size));
}
EMSCRIPTEN_KEEPALIVE void civic_profile_delete(ProfileJson* profile) { delete profile; }
EMSCRIPTEN_KEEPALIVE const Span* civic_profile_status(const ProfileJson* profile) {
  return answer(profile->status());
}
EMSCRIPTEN_KEEPALIVE const Span* civic_profile_validate_address(const ProfileJson* profile,
                                                                const char* address,
                                                                std::size_t size) {
  return answer(profile->validate_address(owned(address, size)));
}
EMSCRIPTEN_KEEPALIVE const Span* civic_profile_suggest(const ProfileJson* profile,
                                                       const char* query, std::size_t size) {
  return answer(profile->suggest(owned(query, size)));
}
EMSCRIPTEN_KEEPALIVE const Span* civic_profile_check_eligibility(const ProfileJson* profile,
                                                                 const char* request,
                                                                 std::size_t size) {
  return answer(profile->check_eligibility(owned(request, size)));
}
EMSCRIPTEN_KEEPALIVE const Span* civic_profile_catalogue(const ProfileJson* profile) {
  return answer(profile->catalogue());
}
EMSCRIPTEN_KEEPALIVE const Span* civic_profile_seal(const ProfileJson* profile, const char* request,
                                                    std::size_t size) {
  return answer(profile->seal(owned(request, size)));
}

// A form session from its request (FormSessionJson's constructors): of a definition, or of a
// form of a loaded profile (whose status() was ok). Its status() says whether it opened.
EMSCRIPTEN_KEEPALIVE FormSessionJson* civic_session_new(const char* request, std::size_t size) {
  return new FormSessionJson(owned(request, size));
}
EMSCRIPTEN_KEEPALIVE FormSessionJson* civic_session_new_in_profile(const ProfileJson* profile,
                                                                   const char* request,
                                                                   std::size_t size) {
  return new FormSessionJson(*profile->profile(), owned(request, size));
}
EMSCRIPTEN_KEEPALIVE void civic_session_delete(FormSessionJson* session) { delete session; }
EMSCRIPTEN_KEEPALIVE const Span* civic_session_status(const FormSessionJson* session) {
  return answer(session->status());
}
EMSCRIPTEN_KEEPALIVE const Span* civic_session_report(const FormSessionJson* session) {
  return answer(session->report());
}
EMSCRIPTEN_KEEPALIVE const Span* civic_session_answers(const FormSessionJson* session) {
  return answer(session->answers());
}
EMSCRIPTEN_KEEPALIVE const Span* civic_session_set_answers(FormSessionJson* session,
                                                           const char* answers, std::size_t size) {
  return answer(session->set_answers(owned(answers, size)));
}
EMSCRIPTEN_KEEPALIVE const Span* civic_session_set_answer(FormSessionJson* session,
                                                          const char* pointer,
                                                          std::size_t pointer_size,
                                                          const char* value,
                                                          std::size_t value_size) {
  return answer(session->set_answer(owned(pointer, pointer_size), owned(value, value_size)));
}
EMSCRIPTEN_KEEPALIVE const Span* civic_session_set_today(FormSessionJson* session,
                                                         const char* today, std::size_t size) {
  return answer(session->set_today(owned(today, size)));
}

}  // extern "C"
