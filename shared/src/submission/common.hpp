// What sealing and opening share (internal to the submission module).
#pragma once

#include <memory>
#include <string_view>

#include "civic/profile.hpp"

namespace civic::submission {

// The profile's form `id`; error submission.unknown_form (path /form/id) when it has none.
Result<std::shared_ptr<const forms::Form>> form_of(const profile::Profile& profile,
                                                   std::string_view id);

}  // namespace civic::submission
