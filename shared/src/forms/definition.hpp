// The parsed form definition (internal to the forms module).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civic/expr.hpp"
#include "civic/forms.hpp"
#include "civic/service.hpp"

namespace civic::forms {

enum class FieldType : std::uint8_t {
  text,
  number,
  date,
  choice,
  multi_choice,
  egn,
  lnch,
  phone,
  email,
  address,
  consent,
  group,
  repeat,
  file,
};

// A file field's size limit when its definition names none: 10 MiB.
inline constexpr std::int64_t kDefaultMaxFileSize = 10 * 1024 * 1024;

struct Option {
  std::string value;
  Message label;
};

// A custom rule: `check` must not be false, else `message`.
struct Rule {
  std::string id;
  expr::Expression check;
  Message message;
  std::string path;  // form-level rules: JSON pointer of the field blamed ("" = the form)
};

struct Field {
  std::string id;
  FieldType type = FieldType::text;
  Message label;
  Message name;    // how messages refer to the field (default: the label)
  int index = -1;  // position in Form::fields (definition order, depth first)
  int slot = -1;   // top-level fields: their slot; children: -1
  int step = -1;
  bool required = false;
  bool personal = false;  // top-level only: sealed in a submission (civic/submission.hpp)
  std::optional<expr::Expression> required_if, visible_if;
  std::optional<expr::Expression> min, max;            // number and date bounds
  std::optional<std::int64_t> min_length, max_length;  // text
  std::optional<std::int64_t> min_items, max_items;    // multi_choice, repeat, file
  bool integer = false;                                // number: whole numbers only
  std::optional<expr::Expression> pattern;             // text: matches(self, ...)
  Message pattern_message;
  std::vector<Option> options;
  std::vector<std::string> accept;              // file: media types, lower case ("application/pdf")
  std::int64_t max_size = kDefaultMaxFileSize;  // file: bytes per file
  std::vector<Rule> rules;
  std::map<std::string, Message, std::less<>> messages;  // overrides by state ("missing")
  std::vector<int> children;                             // group, repeat
};

struct Step {
  std::string id;
  Message title;
  std::optional<expr::Expression> visible_if;
  std::vector<int> fields;  // top-level fields
};

struct Computed {
  std::string id;
  expr::Expression value;
  int slot = -1;
  // The value, worked out at load when the expression is constant (18, ["permanent"], 2.56):
  // what every validation would compute (a failed evaluation is null, as in a report).
  std::optional<Json> constant;
};

struct Migration {
  std::int64_t from = 0, to = 0;
  std::vector<std::pair<std::string, std::string>> rename;
  std::vector<std::string> remove;
  Json set = Json::object();
};

// The certificate approval issues: its title and the top-level fields it states.
struct Certificate {
  struct Stated {
    int field;      // index into Form::fields
    Message label;  // how the certificate names it (default: the field's name)
  };
  Message title;
  std::vector<Stated> fields;  // in the definition's order
};

// Orders ids by length, then byte by byte: a look-up mostly decides on lengths alone.
struct ShorterFirst {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  }
};

struct Form {
  std::string id;
  std::int64_t version = 0;
  Message title;
  std::vector<Step> steps;
  std::vector<Field> fields;  // all fields, depth first; top-level ones have slot >= 0
  std::vector<int> top;       // top-level fields by slot
  std::map<std::string, int, ShorterFirst> top_by_id;
  std::vector<Computed> computed;  // slots after the fields'
  std::vector<Rule> rules;
  std::vector<Migration> migrations;
  std::size_t slot_count = 0;
  std::optional<Certificate> certificate;   // what approval issues, if anything
  std::optional<SignatureSpec> signature;   // the signature a declaration needs, if any
  std::optional<service::Service> service;  // its entry in the municipality's catalogue
};

// The expression type of a field's answer.
expr::Type value_type(FieldType type);

}  // namespace civic::forms
