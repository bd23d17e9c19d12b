// signed_declaration.hpp — the signature an incoming submission names, checked once its
// envelope is open (submissions.hpp, step 3½).
//
// The client names the signing request in the header `Signature-Request: <request>`. It is
// refused (and nothing stored) when: no provider is configured (422 signature.unavailable);
// the request is unknown (422 signature.unknown); already used by a submission (409
// signature.used); not signed — pending, refused or expired (409 signature.not_signed); made
// for another content hash (422 signature.other_declaration); its signature no longer
// verifies (422, the provider's error); or its signer is not who the form says must sign
// (422 signature.not_applicant, compared by personal number, which is never logged). A form
// that needs a signature (forms::signature_spec) sent without one is refused with 422
// signature.required when a provider is configured; without one it is received unsigned.
//
// `Signature-Request: at-desk` says the applicant signs by hand at the district's desk (the
// hall kiosk is for citizens without an e-signature): the declaration is received unsigned,
// like any declaration whose receipt has no signed_with, and the desk has it signed there.
#pragma once

#include <httplib.h>

#include <optional>

#include "app.hpp"
#include "civic/submission.hpp"
#include "signing/signature_storage.hpp"

namespace civic::server {

/** The Signature-Request value of a declaration the applicant signs at the desk. */
inline constexpr const char* kSignAtDesk = "at-desk";

struct DeclarationSignature {
  bool refused = false;                  // the response was answered: stop
  std::optional<SigningRecord> request;  // the signing request that signs it; nullopt: unsigned
};

DeclarationSignature check_declaration_signature(App& app, const httplib::Request& request,
                                                 const submission::Opened& opened,
                                                 httplib::Response& response);

}  // namespace civic::server
