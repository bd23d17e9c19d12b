// The civic CLI's subcommands. Each returns the process exit code:
//   0 every input was processed (validity is in the output), 1 an input was refused
//   where the command says so, 2 a usage error (a one-line usage message on stderr).
#pragma once

#include <string>
#include <vector>

namespace civic::cli {

using Args = std::vector<std::string>;

int id_command(const Args& args);           // civic id check ...
int translit_command(const Args& args);     // civic translit ...
int api_command(const Args& args);          // civic api FUNCTION JSON
int register_command(const Args& args);     // civic register import ...
int envelope_command(const Args& args);     // civic envelope keygen|seal|open|hash ...
int vote_command(const Args& args);         // civic vote create|ceremony|...|verify BOARD
int certificate_command(const Args& args);  // civic certificate verify ...

int form_command(const Args& args);         // civic form validate|check ...
int eligibility_command(const Args& args);  // civic eligibility check ...
int profile_command(const Args& args);      // civic profile check|bundle DIR

// Prints "usage: <usage>" to stderr and returns 2.
int usage_error(const char* usage);

// Today's local date as "YYYY-MM-DD": the CLI is where the clock is read.
std::string local_today();

}  // namespace civic::cli
