#include "civic/certificate.hpp"

#include <algorithm>
#include <array>

#include "shape.hpp"
#include "signature.hpp"

namespace civic::certificate {

namespace {

constexpr std::array<std::string_view, 10> kMembers = {
    "format", "submission_id", "envelope_hash", "form",       "title",
    "issuer", "district",      "issued_at",     "statements", "signature"};

Error malformed(std::string path, const char* expected_bg, const char* expected_en) {
  return Error{"certificate.malformed",
               std::move(path),
               {std::string("Удостоверението е повредено: ") + expected_bg,
                std::string("The certificate is damaged: ") + expected_en},
               {}};
}

// "/name": the JSON pointer of a top-level member.
std::string member_path(std::string_view name) { return std::string("/").append(name); }

Json message_json(const Message& message) { return Json{{"bg", message.bg}, {"en", message.en}}; }

// {"bg","en"}, both non-empty strings, nothing else.
std::optional<Message> read_message(const Json& json) {
  if (!json.is_object() || json.size() != 2 || !json.contains("bg") || !json.contains("en") ||
      !json["bg"].is_string() || !json["en"].is_string() ||
      json["bg"].get_ref<const std::string&>().empty() ||
      json["en"].get_ref<const std::string&>().empty()) {
    return std::nullopt;
  }
  return Message{json["bg"].get<std::string>(), json["en"].get<std::string>()};
}

Result<Unit> check_statements(const Json& statements) {
  if (!statements.is_array()) {
    return malformed("/statements", "очаква се списък", "an array expected");
  }
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Json& item = statements[i];
    const std::string path = "/statements/" + std::to_string(i);
    if (!item.is_object() || item.size() != 3 || !item.contains("field") ||
        !item["field"].is_string() || item["field"].get_ref<const std::string&>().empty() ||
        !item.contains("name") || !read_message(item["name"]) || !item.contains("value")) {
      return malformed(path, "очаква се {\"field\",\"name\",\"value\"}",
                       "{\"field\",\"name\",\"value\"} expected");
    }
  }
  return Unit{};
}

Result<Unit> check_facts(const Facts& facts) {
  if (!receipt::is_canonical(reference::Kind::submission, facts.submission_id)) {
    return malformed("/submission_id", "невалиден номер", "the reference number is not valid");
  }
  if (!receipt::is_lower_hex(facts.envelope_hash, 32)) {
    return malformed("/envelope_hash", "очакват се 64 шестнадесетични цифри",
                     "64 hexadecimal digits expected");
  }
  if (facts.form_id.empty()) return malformed("/form/id", "липсва формуляр", "the form is missing");
  if (!receipt::is_version(facts.form_version)) {
    return malformed("/form/version", "невалидна версия", "the version is not valid");
  }
  if (facts.title.bg.empty() || facts.title.en.empty()) {
    return malformed("/title", "липсва заглавие", "the title is missing");
  }
  if (facts.issuer.bg.empty() || facts.issuer.en.empty()) {
    return malformed("/issuer", "липсва издател", "the issuer is missing");
  }
  if (!receipt::is_timestamp(facts.issued_at)) {
    return malformed("/issued_at", "очаква се време ГГГГ-ММ-ДДTЧЧ:ММ:ССZ",
                     "a time YYYY-MM-DDTHH:MM:SSZ expected");
  }
  return check_statements(facts.statements);
}

Json unsigned_certificate(const Facts& facts) {
  return Json{{"format", kFormat},
              {"submission_id", facts.submission_id},
              {"envelope_hash", facts.envelope_hash},
              {"form", {{"id", facts.form_id}, {"version", facts.form_version}}},
              {"title", message_json(facts.title)},
              {"issuer", message_json(facts.issuer)},
              {"district", facts.district},
              {"issued_at", facts.issued_at},
              {"statements", facts.statements}};
}

Result<Facts> read_certificate(const Json& certificate) {
  if (!certificate.is_object()) return malformed("", "очаква се обект", "an object expected");
  for (const auto& member : certificate.items()) {
    if (std::find(kMembers.begin(), kMembers.end(), member.key()) == kMembers.end()) {
      return malformed(member_path(member.key()), "непознато поле", "an unknown member");
    }
  }
  for (const auto name : kMembers) {
    if (!certificate.contains(name)) {
      return malformed(member_path(name), "липсващо поле", "a member is missing");
    }
  }
  const Json& format = certificate["format"];
  if (!format.is_string() || format.get_ref<const std::string&>() != kFormat) {
    return Error{"certificate.unsupported_format",
                 "/format",
                 {"Непознат вид удостоверение", "An unknown kind of certificate"},
                 {{"expected", kFormat}}};
  }
  for (const auto name : {"submission_id", "envelope_hash", "district", "issued_at", "signature"}) {
    if (!certificate[name].is_string()) {
      return malformed(member_path(name), "очаква се текст", "a string expected");
    }
  }
  const Json& form = certificate["form"];
  if (!form.is_object() || form.size() != 2 || !form.contains("id") || !form.contains("version") ||
      !form["id"].is_string()) {
    return malformed("/form", "очаква се {\"id\",\"version\"}", "{\"id\",\"version\"} expected");
  }
  const auto title = read_message(certificate["title"]);
  if (!title) return malformed("/title", "очаква се {\"bg\",\"en\"}", "{\"bg\",\"en\"} expected");
  const auto issuer = read_message(certificate["issuer"]);
  if (!issuer) return malformed("/issuer", "очаква се {\"bg\",\"en\"}", "{\"bg\",\"en\"} expected");
  if (!receipt::is_lower_hex(certificate["signature"].get_ref<const std::string&>(), 64)) {
    return malformed("/signature", "очакват се 128 шестнадесетични цифри",
                     "128 hexadecimal digits expected");
  }
  Facts facts{certificate["submission_id"].get<std::string>(),
              certificate["envelope_hash"].get<std::string>(),
              form["id"].get<std::string>(),
              form["version"],
              *title,
              *issuer,
              certificate["district"].get<std::string>(),
              certificate["issued_at"].get<std::string>(),
              certificate["statements"]};
  auto ok = check_facts(facts);
  if (!ok) return ok.error();
  return facts;
}

}  // namespace

Json statements(const forms::CertificateSpec& spec, const Json& answers) {
  Json stated = Json::array();
  for (const auto& field : spec.fields) {
    const auto answer = answers.is_object() ? answers.find(field.id) : answers.end();
    if (answer == answers.end() || answer->is_null()) continue;
    stated.push_back({{"field", field.id}, {"name", message_json(field.name)}, {"value", *answer}});
  }
  return stated;
}

Result<Facts> facts_for(const forms::Form& form, const Json& answers) {
  const auto spec = forms::certificate_spec(form);
  if (!spec) {
    return Error{"certificate.no_certificate",
                 "",
                 {"Тази услуга не издава удостоверение", "This service issues no certificate"},
                 {{"form", std::string(forms::form_id(form))}}};
  }
  Facts facts;
  facts.form_id = std::string(forms::form_id(form));
  facts.form_version = forms::form_version(form);
  facts.title = spec->title;
  facts.statements = statements(*spec, answers);
  return facts;
}

Result<Json> issue(const Facts& facts, const receipt::Seed& seed) {
  auto ok = check_facts(facts);
  if (!ok) return ok.error();
  Json certificate = unsigned_certificate(facts);
  auto signature = receipt::sign_canonical(certificate, seed);
  if (!signature) return signature.error();
  certificate["signature"] = *signature;
  return certificate;
}

Result<Unit> verify(const Json& certificate, const receipt::PublicKey& key) {
  auto facts = read_certificate(certificate);
  if (!facts) return facts.error();
  auto valid = receipt::verify_canonical(
      unsigned_certificate(*facts), certificate["signature"].get_ref<const std::string&>(), key);
  if (!valid) return valid.error();
  if (!*valid) {
    return Error{"certificate.bad_signature",
                 "/signature",
                 {"Удостоверението не е подписано от общината или е променено",
                  "The certificate was not signed by the municipality or was changed"},
                 {}};
  }
  return Unit{};
}

}  // namespace civic::certificate
