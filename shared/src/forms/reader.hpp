// Reads definitions (forms, eligibility policies) member by member, collecting every problem
// as a definition.* error with its JSON pointer (internal to the rules engine).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civic/expr.hpp"
#include "civic/result.hpp"

namespace civic::forms {

using Json = nlohmann::ordered_json;

class Reader {
 public:
  explicit Reader(std::vector<Error>& errors) : errors_(errors) {}

  // True when `json` is an object; reports its members that are not `allowed`.
  bool object(const Json& json, const std::string& path,
              std::initializer_list<std::string_view> allowed);

  // A member of the given kind; nullopt (and an error when `required`) when absent or wrong.
  std::optional<std::string> string(const Json& parent, const std::string& path, const char* member,
                                    bool required);
  std::optional<std::int64_t> integer(const Json& parent, const std::string& path,
                                      const char* member, bool required);
  std::optional<bool> boolean(const Json& parent, const std::string& path, const char* member);
  // {"bg": ..., "en": ...}, both non-empty texts.
  std::optional<Message> message(const Json& parent, const std::string& path, const char* member,
                                 bool required);
  // An array member; nullptr when absent (an error when `required`) or not an array.
  const Json* array(const Json& parent, const std::string& path, const char* member, bool required);
  // An identifier: [a-z][a-z0-9_]* (definition.bad_id otherwise).
  std::optional<std::string> id(const Json& parent, const std::string& path, const char* member);
  // An expression member, compiled with `options`; compile errors keep their code and gain
  // the member's path.
  std::optional<expr::Expression> expression(const Json& parent, const std::string& path,
                                             const char* member,
                                             const expr::CompileOptions& options, bool required);
  // Compiles `source` found at `path` (for expressions built from other members).
  std::optional<expr::Expression> compile(std::string_view source, const std::string& path,
                                          const expr::CompileOptions& options,
                                          std::size_t position_shift = 0);

  void error(std::string code, std::string path, Message message, Json params);
  bool ok() const { return errors_.empty(); }

 private:
  const Json* member_of(const Json& parent, const std::string& path, const char* member,
                        bool required);
  void wrong_type(const std::string& path, const char* member, const char* expected_bg,
                  const char* expected_en);
  std::vector<Error>& errors_;
};

}  // namespace civic::forms
