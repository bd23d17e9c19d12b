// Reads a "service" block (docs/forms.md "Service"): the form's entry in the municipality's
// catalogue (internal to the forms and profile modules).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civic/service.hpp"
#include "definition.hpp"
#include "reader.hpp"

namespace civic::forms {

// The block at `path` (a JSON pointer; "" for the document itself). `computed` are the form's
// computed values a fee may name; nullptr outside a form, where a fee must be a text. Every
// problem is reported through `read` (definition.* codes); nullopt when there was one.
std::optional<service::Service> read_service(Reader& read, const Json& block,
                                             const std::string& path,
                                             const std::vector<Computed>* computed);

}  // namespace civic::forms
