#include "reader.hpp"

#include <algorithm>

namespace civic::forms {

bool Reader::object(const Json& json, const std::string& path,
                    std::initializer_list<std::string_view> allowed) {
  if (!json.is_object()) {
    error("definition.wrong_type", path,
          {"Тук се очаква JSON обект", "A JSON object is expected here"}, {{"expected", "object"}});
    return false;
  }
  for (const auto& [key, value] : json.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    error("definition.unknown_member", path + "/" + key,
          {"Непознато поле „" + key + "“", "Unknown member \"" + key + "\""}, {{"member", key}});
  }
  return true;
}

void Reader::error(std::string code, std::string path, Message message, Json params) {
  errors_.push_back(Error{std::move(code), std::move(path), std::move(message), std::move(params)});
}

void Reader::wrong_type(const std::string& path, const char* member, const char* expected_bg,
                        const char* expected_en) {
  error("definition.wrong_type", path + "/" + member,
        {std::string("„") + member + "“ трябва да е " + expected_bg,
         std::string("\"") + member + "\" must be " + expected_en},
        {{"member", member}, {"expected", expected_en}});
}

const Json* Reader::member_of(const Json& parent, const std::string& path, const char* member,
                              bool required) {
  const auto found = parent.find(member);
  if (found != parent.end()) return &*found;
  if (required) {
    error("definition.missing_member", path + "/" + member,
          {std::string("Липсва „") + member + "“", std::string("\"") + member + "\" is missing"},
          {{"member", member}});
  }
  return nullptr;
}

std::optional<std::string> Reader::string(const Json& parent, const std::string& path,
                                          const char* member, bool required) {
  const Json* value = member_of(parent, path, member, required);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    wrong_type(path, member, "текст", "a text");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t> Reader::integer(const Json& parent, const std::string& path,
                                            const char* member, bool required) {
  const Json* value = member_of(parent, path, member, required);
  if (!value) return std::nullopt;
  if (!value->is_number_integer() ||
      (value->is_number_unsigned() && value->get<std::uint64_t>() > INT64_MAX)) {
    wrong_type(path, member, "цяло число", "a whole number");
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

std::optional<bool> Reader::boolean(const Json& parent, const std::string& path,
                                    const char* member) {
  const Json* value = member_of(parent, path, member, false);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    wrong_type(path, member, "true или false", "true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<Message> Reader::message(const Json& parent, const std::string& path,
                                       const char* member, bool required) {
  const Json* value = member_of(parent, path, member, required);
  if (!value) return std::nullopt;
  const auto text = [&](const char* lang) -> std::optional<std::string> {
    const auto found = value->find(lang);
    if (found == value->end() || !found->is_string() ||
        found->get_ref<const std::string&>().empty()) {
      return std::nullopt;
    }
    return found->get<std::string>();
  };
  if (!value->is_object()) {
    wrong_type(path, member, "{\"bg\": ..., \"en\": ...}", "{\"bg\": ..., \"en\": ...}");
    return std::nullopt;
  }
  object(*value, path + "/" + member, {"bg", "en"});
  auto bg = text("bg"), en = text("en");
  if (!bg || !en) {
    wrong_type(path, member, "текст на български и английски", "a text in Bulgarian and English");
    return std::nullopt;
  }
  return Message{std::move(*bg), std::move(*en)};
}

const Json* Reader::array(const Json& parent, const std::string& path, const char* member,
                          bool required) {
  const Json* value = member_of(parent, path, member, required);
  if (!value) return nullptr;
  if (!value->is_array()) {
    wrong_type(path, member, "списък", "a list");
    return nullptr;
  }
  return value;
}

std::optional<std::string> Reader::id(const Json& parent, const std::string& path,
                                      const char* member) {
  auto text = string(parent, path, member, true);
  if (!text) return std::nullopt;
  const bool good = !text->empty() && (*text)[0] >= 'a' && (*text)[0] <= 'z' &&
                    std::all_of(text->begin(), text->end(), [](char c) {
                      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                    });
  if (!good) {
    error("definition.bad_id", path + "/" + member,
          {"Името трябва да е от малки латински букви, цифри и „_“, започващо с буква",
           "An id must be lower-case Latin letters, digits and \"_\", starting with a letter"},
          {{"id", *text}});
    return std::nullopt;
  }
  return text;
}

std::optional<expr::Expression> Reader::compile(std::string_view source, const std::string& path,
                                                const expr::CompileOptions& options,
                                                std::size_t position_shift) {
  auto compiled = expr::Expression::compile(source, options);
  if (compiled) return std::move(compiled).value();
  Error problem = std::move(compiled).error();
  problem.path = path;
  if (position_shift > 0 && problem.params.contains("position")) {
    const auto position = problem.params["position"].get<std::size_t>();
    problem.params["position"] = position >= position_shift ? position - position_shift : 0;
  }
  errors_.push_back(std::move(problem));
  return std::nullopt;
}

std::optional<expr::Expression> Reader::expression(const Json& parent, const std::string& path,
                                                   const char* member,
                                                   const expr::CompileOptions& options,
                                                   bool required) {
  auto source = string(parent, path, member, required);
  if (!source) return std::nullopt;
  return compile(*source, path + "/" + member, options);
}

}  // namespace civic::forms
