#include "storage.hpp"

#include "log.hpp"

namespace civic::server {

Error storage_failed(const std::exception& failure) {
  // The database's own words go to the log only: they may name internal hosts and paths.
  log_event("error", "storage_failed", {{"detail", failure.what()}});
  return Error{"storage.failed",
               "",
               {"Сървърът не можа да запише данните; опитайте отново",
                "The server could not store the data; please try again"},
               {}};
}

}  // namespace civic::server
