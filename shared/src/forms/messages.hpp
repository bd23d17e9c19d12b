// The citizen-facing errors of forms, worded per GOV.UK: one message per state, built from the
// field's name, never "invalid" (internal to the forms module).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "civic/result.hpp"
#include "definition.hpp"

namespace civic::forms {

// The error `code` ("form.missing") at `path` for `field`. `state` picks a definition override
// from the field's "messages" ("missing", "too_long", ..., "format"); `limit` fills {limit}.
Error field_error(const Field& field, std::string_view code, std::string path,
                  std::string_view state, const std::string& limit_bg = {},
                  const std::string& limit_en = {});

// A date for people: "27.03.2007" (bg), "27 March 2007" (en).
Message human_date(Date date);

// A file size for people, rounded down: "10 МБ" / "10 MB", "2,5 МБ" / "2.5 MB", "500 КБ".
Message human_size(std::int64_t bytes);

// Accepted media types for people: "PDF, JPEG или PNG" / "PDF, JPEG or PNG".
Message media_type_names(const std::vector<std::string>& media_types);

// form.needs_review for a draft of `from_version`.
Error needs_review(std::int64_t from_version, std::int64_t to_version);

}  // namespace civic::forms
