// civic/forms.hpp — declarative forms (definition format specified in docs/forms.md).
//
// A municipality describes an e-service as JSON: steps, typed fields, conditions and rules
// written in the expression language (civic/expr.hpp). The same definition validates answers
// in the browser at every keystroke and on the server at submission:
//
//   auto loaded = forms::load(definition_json);          // once: parse, check, compile
//   if (!loaded.form) show(loaded.errors);               // every problem, with its path
//   forms::Report report = forms::validate(*loaded.form, answers_json, {.today = today});
//
// The report lists every error (JSON pointer into the answers, stable code, bg/en message in
// GOV.UK style: one message per state, never "invalid", never a code), which fields are visible,
// whether each step is complete, computed values, and the canonical answers: visible fields only,
// in definition order, normalised (trimmed text, numbers as numbers, phones as +359...).
// Answers to hidden fields are neither validated nor kept.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civic/date.hpp"
#include "civic/expr.hpp"
#include "civic/result.hpp"
#include "civic/service.hpp"

namespace civic::forms {

using Json = nlohmann::ordered_json;

// A parsed, checked and compiled definition (its structure is internal). Immutable; share it.
struct Form;

// The outcome of load(): a form, or every problem found in the definition.
struct Loaded {
  std::shared_ptr<const Form> form;  // null when `errors` is not empty
  std::vector<Error> errors;         // paths are JSON pointers into the definition
};

// Reads a definition. Errors: definition.* (missing_member, wrong_type, unknown_member,
// unknown_field_type, duplicate_id, bad_id, not_applicable, bad_range, bad_migration, and in
// the "service" block bad_service, bad_fee, bad_url) and the
// expr.* compile errors of its expressions (params.position is a byte offset in that string).
// `functions` (default: expr::Registry::standard()) must outlive the form.
Loaded load(const Json& definition, const expr::Registry* functions = nullptr);

std::string_view form_id(const Form& form);
Message form_title(const Form& form);
std::int64_t form_version(const Form& form);
// The ids of the top-level fields marked "personal": true, in definition order: the answers
// a submission seals (civic/submission.hpp); every other canonical answer travels in the clear.
std::vector<std::string> personal_fields(const Form& form);
// The name messages use for the top-level field `id` ("Новия адрес"), or nullopt when the
// form has no such top-level field.
std::optional<Message> field_name(const Form& form, std::string_view id);

// A `file` field's limits (docs/forms.md), for a side that receives the bytes.
struct FileField {
  std::string id;
  std::vector<std::string> accept;  // media types, lower case
  std::int64_t max_size = 0;        // bytes per file
};
// Every file field of the form, also inside groups and repeats, in definition order.
std::vector<FileField> file_fields(const Form& form);

// One file a report's canonical answers describe.
struct FileAnswer {
  std::string pointer;  // JSON pointer of the descriptor ("/consent_file/0", "/owners/1/deed/0")
  FileField field;      // the field it answers
  Json file;            // {"name","media_type","size","sha256","upload"?}, as validated
};
// The files in `answers` (a valid report's canonical answers: Report::answers), in definition
// order, each list's items in order.
std::vector<FileAnswer> file_answers(const Form& form, const Json& answers);

// What approving a submission of this form issues (the definition's "certificate",
// civic/certificate.hpp): a title and the top-level fields it states, each with its label on
// the certificate (default: the name messages use for it). nullopt when the form issues none.
struct CertificateSpec {
  struct Stated {
    std::string id;
    Message name;  // the label on the certificate
  };
  Message title;
  std::vector<Stated> fields;  // in the definition's order
};
std::optional<CertificateSpec> certificate_spec(const Form& form);

// The signature a declaration of this form needs (the definition's "signature",
// docs/signing.md): `level` "qualified" (a qualified electronic signature under eIDAS, made
// before the envelope is sent, over its content hash) and `signer`, the top-level field or
// computed value holding the personal number of who must sign. nullopt: none is needed.
struct SignatureSpec {
  std::string level;
  std::string signer;
};
std::optional<SignatureSpec> signature_spec(const Form& form);

// The form's entry in the municipality's service catalogue (the definition's "service",
// civic/service.hpp); nullopt when the form is not offered as a service of its own.
const std::optional<service::Service>& form_service(const Form& form);

// Checks an address answer and returns its problems (paths relative to the address, e.g.
// "/street"). The address module plugs its register-backed check in here; without one, an
// address is an object of text parts with a settlement and either a street or a block.
using AddressCheck = std::function<std::vector<Error>(const Json& address)>;

struct Context {
  Date today;                  // for `today`, EGN birth dates and date bounds
  AddressCheck address_check;  // empty: the basic shape check
};

struct StepState {
  std::string id;
  bool visible = true;
  bool complete = false;  // visible, and none of its visible fields has an error
};

struct Report {
  bool valid = false;
  std::vector<Error> errors;         // in definition order, at most one per field
  std::vector<std::string> visible;  // JSON pointers of the visible fields
  std::vector<StepState> steps;
  Json computed = Json::object();  // computed values by id
  Json answers = Json::object();   // the canonical answers
};

// Validates `answers` (a JSON object) against `form`. Total: any JSON is accepted.
Report validate(const Form& form, const Json& answers, const Context& context);

// {"form","version","valid","errors","steps","visible","computed","answers"}.
Json to_json(const Form& form, const Report& report);
// to_json(form, report) as compact text (invalid UTF-8 replaced, as the JSON API writes it),
// without copying the report into a JSON tree first.
std::string to_json_text(const Form& form, const Report& report);

// Brings a draft made against `from_version` to the form's version by its declared
// migrations (rename, remove, set). Error form.needs_review when no chain of migrations
// leads there (a newer draft, or a version without a rule): the person must check their
// answers again; a draft is never silently validated against a version it was not made for.
Result<Json> migrate(const Form& form, const Json& answers, std::int64_t from_version);

// A form being filled in: holds the parsed definition and the answers, and re-validates on
// each change without re-reading the definition. JSON in, JSON out (wrapped by the wasm module).
struct SessionState;  // internal: what the last validation found, kept for the next one

class FormSession {
 public:
  FormSession(std::shared_ptr<const Form> form, Context context);
  FormSession(FormSession&&) noexcept;
  FormSession& operator=(FormSession&&) noexcept;
  ~FormSession();

  // Replaces every answer.
  const Report& set_answers(Json answers);
  // Sets one answer at a JSON pointer ("/applicant/egn", "/children/0/egn"), creating
  // objects on the way; "/children/-" appends. A null value removes the answer.
  // Error form.bad_pointer when the pointer cannot be followed.
  Result<Unit> set_answer(std::string_view pointer, Json value);
  // Moves "today" (a session kept open past midnight).
  const Report& set_today(Date today);

  const Report& report() const { return report_; }
  const Json& answers() const { return answers_; }
  const Form& form() const { return *form_; }

 private:
  void revalidate();
  void revalidate_answer(std::string_view top_level_id);

  std::shared_ptr<const Form> form_;
  Context context_;
  Json answers_ = Json::object();
  Report report_;
  // Answers unchanged since the last validation are not read again, and a changed answer that
  // nothing else reads is revalidated alone (the report is the same as a full validation's).
  std::unique_ptr<SessionState> state_;
};

}  // namespace civic::forms
