#include "answers.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "../text/utf8.hpp"
#include "civic/identity.hpp"
#include "messages.hpp"

namespace civic::forms {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trim(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

std::string without(std::string_view text, std::string_view drop) {
  std::string out;
  for (const char c : text) {
    if (drop.find(c) == std::string_view::npos) out += c;
  }
  return out;
}

std::int64_t code_points(std::string_view text) {
  std::int64_t n = 0;
  for (std::size_t pos = 0; pos < text.size(); ++n) utf8::next(text, pos);
  return n;
}

// One file of a file field's answer, as the citizen's device described it.
struct DescribedFile {
  std::string name;        // what the citizen called it, trimmed
  std::string media_type;  // checked from the bytes by the device, lower case
  std::int64_t size = 0;   // bytes
  std::string sha256;      // of the bytes, 64 lower-case hex digits
  std::string upload;      // the sealed upload holding the bytes (64 lower-case hex), or empty
};

bool is_hex_digest(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// A file name people can read: 1 to 255 characters, no folders, no control characters.
bool is_file_name(std::string_view name) {
  if (name.empty() || code_points(name) > 255) return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\';
  });
}

// {"name", "media_type", "size", "sha256"} and optionally "upload", nothing else; nullopt when
// it is not that.
std::optional<DescribedFile> described_file(const Json& item) {
  if (!item.is_object()) return std::nullopt;
  const auto name = item.find("name");
  const auto type = item.find("media_type");
  const auto size = item.find("size");
  const auto digest = item.find("sha256");
  const auto upload = item.find("upload");
  const bool has_upload = upload != item.end();
  if (item.size() != (has_upload ? 5u : 4u) || name == item.end() || !name->is_string() ||
      type == item.end() || !type->is_string() || size == item.end() ||
      !size->is_number_integer() || digest == item.end() || !digest->is_string() ||
      (has_upload && !upload->is_string())) {
    return std::nullopt;
  }
  DescribedFile file;
  file.name = trim(name->get_ref<const std::string&>());
  file.media_type = type->get<std::string>();
  std::transform(file.media_type.begin(), file.media_type.end(), file.media_type.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  file.sha256 = digest->get<std::string>();
  if (size->is_number_unsigned() ? size->get<std::uint64_t>() > INT64_MAX
                                 : size->get<std::int64_t>() < 0) {
    return std::nullopt;
  }
  file.size = size->get<std::int64_t>();
  if (has_upload) file.upload = upload->get<std::string>();
  if (!is_file_name(file.name) || !is_hex_digest(file.sha256) ||
      (has_upload && !is_hex_digest(file.upload))) {
    return std::nullopt;
  }
  return file;
}

class AnswerChecker {
 public:
  AnswerChecker(const Field& field, const std::string& pointer, const Context& context)
      : field_(field), pointer_(pointer), context_(context) {}

  Checked run(const Json& answer) {
    switch (field_.type) {
      case FieldType::number: number(answer); break;
      case FieldType::date: text_then(answer, &AnswerChecker::date); break;
      case FieldType::choice: text_then(answer, &AnswerChecker::choice); break;
      case FieldType::multi_choice: multi_choice(answer); break;
      case FieldType::egn: text_then(answer, &AnswerChecker::egn); break;
      case FieldType::lnch: text_then(answer, &AnswerChecker::lnch); break;
      case FieldType::phone: text_then(answer, &AnswerChecker::phone); break;
      case FieldType::email: text_then(answer, &AnswerChecker::email); break;
      case FieldType::address: address(answer); break;
      case FieldType::consent: consent(answer); break;
      case FieldType::file: files(answer); break;
      default: text_then(answer, &AnswerChecker::text); break;
    }
    return std::move(out_);
  }

 private:
  void fail(std::string_view code, std::string_view state, const std::string& limit_bg = {},
            const std::string& limit_en = {}) {
    out_.errors.push_back(field_error(field_, code, pointer_, state, limit_bg, limit_en));
  }

  void fail_limit(std::string_view code, std::string_view state, std::int64_t limit) {
    fail(code, state, std::to_string(limit), std::to_string(limit));
    out_.errors.back().params["limit"] = limit;
  }

  // An error about the `index`-th item of a list answer, named by its own pointer.
  void fail_item(std::size_t index, std::string_view code, std::string_view state,
                 const Message& limit = {}) {
    fail(code, state, limit.bg, limit.en);
    out_.errors.back().path.append("/").append(std::to_string(index));
  }

  // Text answers are trimmed; an empty text is no answer.
  void text_then(const Json& answer, void (AnswerChecker::*check)(const std::string&)) {
    if (!answer.is_string()) return fail("form.wrong_type", "format");
    std::string value = trim(answer.get_ref<const std::string&>());
    if (value.empty()) return;
    out_.value = std::move(value);
    // The checks read the kept text; those that normalise it replace out_.value last.
    (this->*check)(out_.value.get_ref<const std::string&>());
  }

  void text(const std::string& value) {
    const std::int64_t length = code_points(value);
    if (field_.min_length && length < *field_.min_length) {
      return fail_limit("form.too_short", "too_short", *field_.min_length);
    }
    if (field_.max_length && length > *field_.max_length) {
      return fail_limit("form.too_long", "too_long", *field_.max_length);
    }
    if (!field_.pattern) return;
    expr::Env env;
    env.self = &out_.value;
    env.today = context_.today;
    auto matched = field_.pattern->evaluate(env);
    if (!matched || !expr::is_true(*matched)) {
      out_.errors.push_back(
          Error{"form.pattern", pointer_, field_.pattern_message, {{"field", field_.id}}});
    }
  }

  void number(const Json& answer) {
    std::optional<expr::Decimal> number;
    if (answer.is_number()) {
      const expr::Value value = expr::Value::from_json(answer, expr::Type::number);
      if (!value.is_null()) number = value.as_number();
    } else if (answer.is_string()) {
      std::string text = without(trim(answer.get_ref<const std::string&>()), " ");
      if (text.empty()) return;
      std::replace(text.begin(), text.end(), ',', '.');
      number = expr::Decimal::parse(text);
    } else {
      return fail("form.wrong_type", "format");
    }
    if (!number) return fail("form.not_a_number", "format");
    out_.value = number->to_json();
    if (field_.integer && !number->is_integer()) fail("form.not_whole", "format");
  }

  void date(const std::string& value) {
    auto date = parse_iso_date(value);
    if (date) return;
    fail(date.error().code == "date.format" ? "form.date_format" : "form.date_not_real", "format");
  }

  bool is_option(const std::string& value) const {
    return std::any_of(field_.options.begin(), field_.options.end(),
                       [&](const Option& option) { return option.value == value; });
  }

  void choice(const std::string& value) {
    if (!is_option(value)) fail("form.not_an_option", "format");
  }

  void multi_choice(const Json& answer) {
    if (!answer.is_array()) return fail("form.wrong_type", "format");
    Json chosen = Json::array();
    for (const Json& item : answer) {
      if (!item.is_string() || !is_option(item.get<std::string>())) {
        return fail("form.not_an_option", "format");
      }
      if (std::find(chosen.begin(), chosen.end(), item) == chosen.end()) chosen.push_back(item);
    }
    keep_items(std::move(chosen));
  }

  // A non-empty list answer is kept, then held to the field's min_items and max_items.
  void keep_items(Json items) {
    if (items.empty()) return;
    const auto count = static_cast<std::int64_t>(items.size());
    out_.value = std::move(items);
    if (field_.min_items && count < *field_.min_items) {
      return fail_limit("form.too_few", "too_few", *field_.min_items);
    }
    if (field_.max_items && count > *field_.max_items) {
      fail_limit("form.too_many", "too_many", *field_.max_items);
    }
  }

  void identity(Result<Unit> checked) {
    if (checked) return;
    Error error = std::move(checked).error();
    error.path = pointer_;
    error.params["field"] = field_.id;
    out_.errors.push_back(std::move(error));
  }

  void egn(const std::string& value) {
    const std::string digits = without(value, " ");
    out_.value = digits;
    auto checked = check_egn(digits, context_.today);
    identity(checked ? Result<Unit>(Unit{}) : Result<Unit>(checked.error()));
  }

  void lnch(const std::string& value) {
    const std::string digits = without(value, " ");
    out_.value = digits;
    identity(check_lnch(digits));
  }

  // 0XXXXXXXX(X), +359XXXXXXXX(X) or 00359XXXXXXXX(X), the national number not starting with 0.
  void phone(const std::string& value) {
    const std::string compact = without(value, " -().");
    std::string national;
    if (compact.rfind("+359", 0) == 0) {
      national = compact.substr(4);
    } else if (compact.rfind("00359", 0) == 0) {
      national = compact.substr(5);
    } else if (compact.rfind('0', 0) == 0) {
      national = compact.substr(1);
    }
    const bool digits =
        std::all_of(national.begin(), national.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || national.size() < 8 || national.size() > 9 || national[0] == '0') {
      return fail("form.phone_format", "format");
    }
    out_.value = "+359" + national;
  }

  void email(const std::string& value) {
    const std::size_t at = value.find('@');
    const bool shaped = at != std::string::npos && at > 0 &&
                        value.find('@', at + 1) == std::string::npos && value.size() <= 254 &&
                        value.find_first_of(" \t,;") == std::string::npos;
    const std::string_view domain = shaped ? std::string_view(value).substr(at + 1) : "";
    const std::size_t dot = domain.find('.');
    if (!shaped || dot == std::string_view::npos || dot == 0 || domain.back() == '.') {
      fail("form.email_format", "format");
    }
  }

  void address(const Json& answer) {
    if (!answer.is_object()) return fail("form.wrong_type", "format");
    // The answer's names are unique already: each kept part is appended, not looked up.
    const auto& given = answer.get_ref<const Json::object_t&>();
    Json parts = Json::object();
    auto& kept = parts.get_ref<Json::object_t&>();
    kept.reserve(given.size());
    for (const auto& [key, value] : given) {
      if (!value.is_string()) return fail("form.wrong_type", "format");
      std::string part = trim(value.get_ref<const std::string&>());
      if (!part.empty()) kept.Container::emplace_back(key, std::move(part));
    }
    if (parts.empty()) return;
    if (context_.address_check) {
      for (Error& error : context_.address_check(parts)) {
        error.path = pointer_ + error.path;
        out_.errors.push_back(std::move(error));
      }
    } else if (!parts.contains("settlement")) {
      fail("form.address_settlement_missing", "missing");
      out_.errors.back().path += "/settlement";
    } else if (!parts.contains("street") && !parts.contains("block")) {
      fail("form.address_street_or_block_missing", "missing");
      out_.errors.back().path += "/street";
    }
    out_.value = std::move(parts);
  }

  // A list of file descriptors: the bytes travel sealed beside the answers (in the upload each
  // may name, civic/sealed_file.hpp), bound to them by their SHA-256. Each file is checked against
  // the field's accept, max_size and the others.
  void files(const Json& answer) {
    if (!answer.is_array()) return fail("form.wrong_type", "format");
    Json kept = Json::array();
    std::vector<std::string> hashes;
    for (std::size_t i = 0; i < answer.size(); ++i) {
      std::optional<DescribedFile> file = described_file(answer[i]);
      if (!file) return fail_item(i, "form.wrong_type", "format");
      if (file->size == 0) return fail_item(i, "form.file_empty", "format");
      if (std::find(field_.accept.begin(), field_.accept.end(), file->media_type) ==
          field_.accept.end()) {
        fail_item(i, "form.file_type", "format", media_type_names(field_.accept));
        out_.errors.back().params["accept"] = field_.accept;
        return;
      }
      if (file->size > field_.max_size) {
        fail_item(i, "form.file_too_large", "too_large", human_size(field_.max_size));
        out_.errors.back().params["limit"] = field_.max_size;
        return;
      }
      if (std::find(hashes.begin(), hashes.end(), file->sha256) != hashes.end()) {
        return fail_item(i, "form.file_duplicate", "format");
      }
      hashes.push_back(file->sha256);
      Json item{{"name", file->name},
                {"media_type", file->media_type},
                {"size", file->size},
                {"sha256", file->sha256}};
      if (!file->upload.empty()) item["upload"] = file->upload;
      kept.push_back(std::move(item));
    }
    keep_items(std::move(kept));
  }

  void consent(const Json& answer) {
    if (!answer.is_boolean()) return fail("form.wrong_type", "format");
    out_.value = answer;
  }

  const Field& field_;
  const std::string& pointer_;
  const Context& context_;
  Checked out_;
};

}  // namespace

Checked check_answer(const Field& field, const Json& answer, const std::string& pointer,
                     const Context& context) {
  return AnswerChecker(field, pointer, context).run(answer);
}

}  // namespace civic::forms
