#include "shape.hpp"

#include <algorithm>
#include <array>

#include "civic/reference.hpp"

namespace civic::receipt {

namespace {

constexpr std::array<std::string_view, 7> kMembers = {
    "format", "submission_id", "envelope_hash", "form", "received_at", "status_token", "signature"};
constexpr std::string_view kSignedWith = "signed_with";
constexpr std::array<std::string_view, 4> kSignedWithMembers = {"subject", "serial", "issuer",
                                                                "fingerprint"};

// "/name": the JSON pointer of a top-level member.
std::string pointer(std::string_view name) {
  std::string path;
  path.reserve(name.size() + 1);
  path.push_back('/');
  path.append(name);
  return path;
}

// The optional "signed_with" member: exactly its four members, each non-empty text, the
// fingerprint 64 lower-case hex digits.
Result<SignedWith> read_signed_with(const Json& member) {
  const auto bad = [] {
    return malformed("/signed_with",
                     "очаква се {\"subject\",\"serial\",\"issuer\",\"fingerprint\"}",
                     "{\"subject\",\"serial\",\"issuer\",\"fingerprint\"} expected");
  };
  if (!member.is_object() || member.size() != kSignedWithMembers.size()) return bad();
  for (const auto name : kSignedWithMembers) {
    const auto value = member.find(std::string(name));
    if (value == member.end() || !value->is_string() ||
        value->get_ref<const std::string&>().empty()) {
      return bad();
    }
  }
  return SignedWith{member["subject"].get<std::string>(), member["serial"].get<std::string>(),
                    member["issuer"].get<std::string>(), member["fingerprint"].get<std::string>()};
}

}  // namespace

bool is_canonical(reference::Kind kind, const std::string& code) {
  const auto parsed = reference::parse(kind, code);
  return parsed && *parsed == code;
}

bool is_version(const Json& version) {
  return version.is_string() || version.is_number_unsigned() ||
         (version.is_number_integer() && version.get<std::int64_t>() >= 0);
}

bool is_timestamp(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (text.size() != 20) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (i) {
      case 4:
      case 7:
        if (c != '-') return false;
        break;
      case 10:
        if (c != 'T') return false;
        break;
      case 13:
      case 16:
        if (c != ':') return false;
        break;
      case 19:
        if (c != 'Z') return false;
        break;
      default:
        if (c < '0' || c > '9') return false;
    }
  }
  return true;
}

bool is_lower_hex(std::string_view text, std::size_t size) {
  return text.size() == 2 * size && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Error malformed(std::string path, const char* expected_bg, const char* expected_en) {
  return Error{"receipt.malformed",
               std::move(path),
               {std::string("Разписката е повредена: ") + expected_bg,
                std::string("The receipt is damaged: ") + expected_en},
               {}};
}

Result<Unit> check_facts(const Facts& facts) {
  const bool v1 = facts.format == kFormatV1;
  if (!v1 && facts.format != kFormat) {
    return Error{"receipt.unsupported_format",
                 "/format",
                 {"Непознат вид разписка", "An unknown kind of receipt"},
                 {{"expected", kFormat}}};
  }
  if (v1 ? facts.submission_id.empty()
         : !is_canonical(reference::Kind::submission, facts.submission_id)) {
    return malformed("/submission_id", "невалиден номер", "the reference number is not valid");
  }
  if (!is_lower_hex(facts.envelope_hash, 32)) {
    return malformed("/envelope_hash", "очакват се 64 шестнадесетични цифри",
                     "64 hexadecimal digits expected");
  }
  if (facts.form_id.empty()) return malformed("/form/id", "липсва формуляр", "the form is missing");
  if (!is_version(facts.form_version)) {
    return malformed("/form/version", "невалидна версия", "the version is not valid");
  }
  if (!is_timestamp(facts.received_at)) {
    return malformed("/received_at", "очаква се време ГГГГ-ММ-ДДTЧЧ:ММ:ССZ",
                     "a time YYYY-MM-DDTHH:MM:SSZ expected");
  }
  if (v1 ? !is_lower_hex(facts.status_token, 16)
         : !is_canonical(reference::Kind::status, facts.status_token)) {
    return malformed("/status_token", "невалиден код за проверка", "the status code is not valid");
  }
  if (const auto& signer = facts.signed_with) {
    if (v1 || signer->subject.empty() || signer->serial.empty() || signer->issuer.empty() ||
        !is_lower_hex(signer->fingerprint, 32)) {
      return malformed("/signed_with", "невалиден сертификат на подписа",
                       "the signing certificate is not valid");
    }
  }
  return Unit{};
}

Result<Facts> read_receipt(const Json& receipt) {
  if (!receipt.is_object()) return malformed("", "очаква се обект", "an object expected");
  for (const auto& member : receipt.items()) {
    if (member.key() != kSignedWith &&
        std::find(kMembers.begin(), kMembers.end(), member.key()) == kMembers.end()) {
      return malformed(pointer(member.key()), "непознато поле", "an unknown member");
    }
  }
  for (const auto name : kMembers) {
    if (!receipt.contains(name)) {
      return malformed(pointer(name), "липсващо поле", "a member is missing");
    }
  }
  const auto string_at = [&](std::string_view name) -> const std::string* {
    const Json& value = receipt[std::string(name)];
    return value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
  };
  const std::string* format = string_at("format");
  if (format == nullptr || (*format != kFormat && *format != kFormatV1)) {
    return Error{"receipt.unsupported_format",
                 "/format",
                 {"Непознат вид разписка", "An unknown kind of receipt"},
                 {{"expected", kFormat}}};
  }
  for (const auto name : {"submission_id", "envelope_hash", "received_at", "status_token"}) {
    if (string_at(name) == nullptr) {
      return malformed(pointer(name), "очаква се текст", "a string expected");
    }
  }
  const Json& form = receipt["form"];
  if (!form.is_object() || form.size() != 2 || !form.contains("id") || !form.contains("version") ||
      !form["id"].is_string()) {
    return malformed("/form", "очаква се {\"id\",\"version\"}", "{\"id\",\"version\"} expected");
  }
  const std::string* signature = string_at("signature");
  if (signature == nullptr || !is_lower_hex(*signature, 64)) {
    return malformed("/signature", "очакват се 128 шестнадесетични цифри",
                     "128 hexadecimal digits expected");
  }
  Facts facts{*string_at("submission_id"),
              *string_at("envelope_hash"),
              form["id"].get<std::string>(),
              form["version"],
              *string_at("received_at"),
              *string_at("status_token"),
              *format,
              std::nullopt};
  if (receipt.contains(kSignedWith)) {
    auto signer = read_signed_with(receipt[std::string(kSignedWith)]);
    if (!signer) return signer.error();
    facts.signed_with = std::move(*signer);
  }
  auto ok = check_facts(facts);
  if (!ok) return ok.error();
  return facts;
}

}  // namespace civic::receipt
