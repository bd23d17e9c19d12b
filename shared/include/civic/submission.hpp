// civic/submission.hpp — from a filled-in form to a sealed envelope, and back.
//
// The browser seals, the server opens; both run the same validation with the same profile:
//
//   // browser (wasm): refuses an invalid form, splits the answers, seals the personal part
//   Result<Json> envelope = submission::seal(profile, "address_change", answers,
//                                            {.today = today, .created_at = now_utc}, key, rng);
//   // server: verifies the hash, opens the seal, merges, re-validates on the server's date
//   Result<submission::Opened> opened = submission::open(profile, envelope, secret, today);
//   if (opened && !opened->report.valid) answer_422(opened->report);
//
// Which answers are personal data is the form's choice: a top-level field with
// "personal": true (docs/forms.md) goes into the sealed part, every other answer travels in
// the clear (civic/envelope.hpp). The report hash is envelope::canonical_hash of the
// report's JSON (forms::to_json) as the sealing side computed it.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "civic/date.hpp"
#include "civic/envelope.hpp"
#include "civic/forms.hpp"
#include "civic/profile.hpp"
#include "civic/result.hpp"
#include "civic/rng.hpp"

namespace civic::submission {

using Json = nlohmann::ordered_json;

struct SealOptions {
  Date today;              // the date the answers are validated on
  std::string created_at;  // "YYYY-MM-DDTHH:MM:SSZ", UTC
};

// Validates `answers` against the profile's form `form_id` and seals them to `recipient`.
// Errors: submission.unknown_form; submission.invalid (params.report = the report's JSON,
// so the caller can show every problem); the envelope.* errors of sealing.
Result<Json> seal(const profile::Profile& profile, std::string_view form_id, const Json& answers,
                  const SealOptions& options, const envelope::PublicKey& recipient, Rng& rng);

struct Opened {
  Json envelope;                            // as received, verified
  std::shared_ptr<const forms::Form> form;  // the profile's form it was made for
  Json answers;                             // clear and personal answers merged
  forms::Report report;                     // re-validated on the opening side's `today`
  std::string district;  // the form's computed value "district" (its queue), or ""
};

// Verifies and opens `envelope`, then re-validates its answers. A valid envelope whose
// answers fail validation is still Opened (report.valid == false): the caller decides.
// Errors: the envelope.* errors of envelope::open; submission.unknown_form;
// submission.version_mismatch (params.expected, params.got) when the envelope was made for
// another version of the form.
Result<Opened> open(const profile::Profile& profile, const Json& envelope,
                    const envelope::SecretKey& secret, Date today);

}  // namespace civic::submission
