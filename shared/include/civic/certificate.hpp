// civic/certificate.hpp — the certificate (удостоверение) a municipality issues when it
// approves a submission.
//
// What it states is the form's choice: the definition's "certificate" names a title and the
// top-level fields to state (docs/forms.md, forms::certificate_spec). The server issues it
// from the opened submission and its decision; the citizen downloads it with the reference
// and status code and anyone checks it offline with the profile bundle's keys.receipt
// (`civic certificate verify`, API certificate.verify, the wasm module). It is signed like a
// receipt (civic/receipt.hpp): Ed25519 over the RFC 8785 form of the certificate without
// its "signature" member. Its "format" keeps a certificate from passing as a receipt.
//
// A certificate is a JSON object, members in this order:
//   {"format":"civickit-certificate/1","submission_id","envelope_hash","form":{"id","version"},
//    "title":{"bg","en"},"issuer":{"bg","en"},"district","issued_at","statements",
//    "signature"}
//   submission_id  the approved submission's reference (canonical, 11 symbols);
//   envelope_hash  its envelope's content_hash: the declaration that was approved;
//   issuer         the municipality's name; district the queue that decided ("" for none);
//   issued_at      the approval's time, "YYYY-MM-DDTHH:MM:SSZ" UTC;
//   statements     [{"field","name":{"bg","en"},"value"}]: each stated field the submission
//                  answered, in the form's order, with its answer as submitted (any JSON).
// Same facts and seed → byte-identical certificate: the server stores none, it issues it
// again from the stored envelope and decision whenever it is asked.
//
// Errors: certificate.malformed (path names the member), certificate.unsupported_format,
// certificate.bad_signature, certificate.no_certificate (the form issues none), and the
// jcs.* errors of the statements.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "civic/forms.hpp"
#include "civic/receipt.hpp"
#include "civic/result.hpp"

namespace civic::certificate {

using Json = nlohmann::ordered_json;

inline constexpr std::string_view kFormat = "civickit-certificate/1";

struct Facts {
  std::string submission_id;  // a canonical submission reference
  std::string envelope_hash;  // 64 lower-case hex digits
  std::string form_id;        // non-empty
  Json form_version;          // a string or a non-negative integer, as in the envelope
  Message title;
  Message issuer;
  std::string district;
  std::string issued_at;  // "YYYY-MM-DDTHH:MM:SSZ", UTC
  Json statements = Json::array();
};

// The statements of `spec` (forms::certificate_spec) from the submission's merged answers;
// a stated field without an answer (absent or null) is left out.
Json statements(const forms::CertificateSpec& spec, const Json& answers);

// Facts for the approval of a submission of `form`, with `statements` filled in from
// `answers`. Error certificate.no_certificate when the form issues none.
Result<Facts> facts_for(const forms::Form& form, const Json& answers);

// The signed certificate. Same facts and seed → byte-identical certificate.
Result<Json> issue(const Facts& facts, const receipt::Seed& seed);

// Checks the certificate's shape, format and signature against `key` (the receipt key).
Result<Unit> verify(const Json& certificate, const receipt::PublicKey& key);

}  // namespace civic::certificate
