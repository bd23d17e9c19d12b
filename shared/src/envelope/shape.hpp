// Shape checks of drafts and envelopes (internal to the envelope module).
#pragma once

#include "civic/envelope.hpp"

namespace civic::envelope {

// Every member of a draft in its documented form (errors envelope.malformed).
Result<Unit> check_draft(const Draft& draft);

// An envelope object with exactly the documented members, each in its documented form.
// Errors envelope.malformed, envelope.unsupported_format.
Result<Unit> check_envelope_shape(const Json& envelope);

}  // namespace civic::envelope
