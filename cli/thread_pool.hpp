// The CLI's threads for the vote module's independent pieces (civic/vote/for_each.hpp).
#pragma once

#include <string>

#include "civic/vote/for_each.hpp"

namespace civic::cli {

// Runs each call's pieces on `jobs` threads (the caller's among them), taking them in
// index order. While it runs, a progress line "<label> done/count" is kept on stderr
// when stderr is a terminal, and erased at the end; nothing is printed otherwise.
vote::ForEach threaded_for_each(unsigned jobs, std::string label);

// The machine's hardware threads (at least 1): the default of --jobs.
unsigned default_jobs();

}  // namespace civic::cli
