#include "signing/signed_declaration.hpp"

#include <sodium.h>

#include "problem.hpp"
#include "signing/sealed_text.hpp"

namespace civic::server {

namespace {

DeclarationSignature refused(httplib::Response& response, int status, const char* code,
                             const char* bg, const char* en) {
  send_problem(response, status, "signature-refused", en,
               {server_error(code, "/signature_request", bg, en)});
  return DeclarationSignature{true, std::nullopt};
}

// The personal number of who must sign: the form's signer, a computed value or an answer.
std::string required_signer(const submission::Opened& opened, const std::string& signer) {
  for (const Json* source : {&opened.report.computed, &opened.answers}) {
    const auto value = source->find(signer);
    if (value != source->end() && value->is_string()) return value->get<std::string>();
  }
  return "";
}

bool same_number(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

DeclarationSignature check_declaration_signature(App& app, const httplib::Request& request,
                                                 const submission::Opened& opened,
                                                 httplib::Response& response) {
  const auto spec = forms::signature_spec(*opened.form);
  const std::string named = request.get_header_value("Signature-Request");
  if (named == kSignAtDesk) return DeclarationSignature{};
  if (named.empty()) {
    if (spec && app.signing) {
      return refused(response, 422, "signature.required",
                     "Декларацията трябва да е подписана с квалифициран електронен подпис",
                     "The declaration must be signed with a qualified electronic signature");
    }
    return DeclarationSignature{};
  }
  if (!app.signing) {
    return refused(response, 422, "signature.unavailable",
                   "Този сървър не приема електронни подписи",
                   "This server does not take electronic signatures");
  }
  const auto signing = SignatureStorage(*app.storage).find(named);
  if (!signing) {
    return refused(response, 422, "signature.unknown", "Няма такова искане за подпис",
                   "There is no such signing request");
  }
  if (signing->state == "used") {
    return refused(response, 409, "signature.used",
                   "Този подпис вече е използван за друго заявление",
                   "This signature was already used for another submission");
  }
  if (signing->state != "signed") {
    return refused(response, 409, "signature.not_signed",
                   "Декларацията не е подписана (подписването е отказано или изтекло)",
                   "The declaration was not signed (the signing was refused or expired)");
  }
  const std::string& hash = opened.envelope["content_hash"].get_ref<const std::string&>();
  if (signing->content_hash != hash) {
    return refused(response, 422, "signature.other_declaration", "Подписът е на друга декларация",
                   "The signature is of another declaration");
  }
  const auto certificate =
      open_text(signing->sealed_certificate, app.keys.envelope_public, app.keys.envelope_secret);
  auto verified =
      app.signing->verify(hash, signing->signature, certificate.value_or(""), signing->updated_at);
  if (!verified) {
    send_problem(response, 422, "signature-refused", verified.error().message.en,
                 {verified.error()});
    return DeclarationSignature{true, std::nullopt};
  }
  if (spec && !same_number(verified->personal_number, required_signer(opened, spec->signer))) {
    return refused(response, 422, "signature.not_applicant",
                   "Декларацията е подписана от друго лице, а не от заявителя",
                   "The declaration was signed by someone other than the applicant");
  }
  return DeclarationSignature{false, signing};
}

}  // namespace civic::server
